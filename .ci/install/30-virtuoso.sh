# Virtuoso (Debian virtuoso-opensource) is the real remote store of tests/GuidelineGraph.Remote.Tests; the tests
# start their own instance (temporary database, loopback, free ports). The package's own instance needs a DBA
# password at install time: preseed an empty one so the install asks nothing.
if ! dpkg -s virtuoso-opensource >/dev/null 2>&1; then
  debconf-set-selections <<'PRESEED'
virtuoso-opensource-7 virtuoso-opensource-7/dba-password password
virtuoso-opensource-7 virtuoso-opensource-7/dba-password-again password
virtuoso-opensource-7 virtuoso-opensource-7/register-odbc-dsn boolean false
PRESEED
fi
need_apt virtuoso-opensource

# Jena (Debian) is the reference reasoner of the differential tests and a peer in the benchmarks.
need_apt default-jdk-headless libapache-jena-java

using System.Text.RegularExpressions;

namespace GuidelineGraph.VsCode.Tests;

public sealed class ExtensionUnitTests
{
    [Fact]
    public void The_extension_type_checks_and_its_node_tests_pass()
    {
        ExtensionProcess.EnsureDependencies();
        var typecheck = ExtensionProcess.Run("npm", ["run", "--silent", "typecheck"], TimeSpan.FromMinutes(5));
        Assert.True(typecheck.ExitCode == 0, $"tsc found errors:\n{typecheck.Output}");

        var r = ExtensionProcess.Run("npm", ["test", "--silent"], TimeSpan.FromMinutes(5));
        Assert.True(r.ExitCode == 0, $"npm test failed:\n{r.Output}");
        // node:test's TAP summary: every test ran and none failed (a build that finds no tests passes vacuously).
        int passed = int.Parse(Regex.Match(r.Output, @"^# pass (\d+)", RegexOptions.Multiline).Groups[1].Value);
        Assert.Matches(new Regex(@"^# fail 0$", RegexOptions.Multiline), r.Output);
        Assert.True(passed >= 30, $"expected the extension's unit tests to run, {passed} passed:\n{r.Output}");
    }
}

using System.Text;
using GuidelineGraph.Cli;

var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
var stderr = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true };
var context = new CliContext(stdout, stderr, Console.OpenStandardInput, ErrorIsTerminal: !Console.IsErrorRedirected);
int code = CommandTree.Run(args, context);
stdout.Flush();
return code;

namespace Mnemo.Cli.Tests;

public sealed class MnemoCliTests
{
    [Fact]
    public void EveryOptionAndArgument_HasADescription()
    {
        var root = MnemoCli.BuildRoot();
        var missing = new List<string>();
        void Visit(System.CommandLine.Command command, string path)
        {
            if (string.IsNullOrWhiteSpace(command.Description))
            {
                missing.Add(path);
            }

            missing.AddRange(command.Options.Where(o => string.IsNullOrWhiteSpace(o.Description)).Select(o => $"{path} {o.Name}"));
            missing.AddRange(command.Arguments.Where(a => string.IsNullOrWhiteSpace(a.Description)).Select(a => $"{path} {a.Name}"));
            foreach (var sub in command.Subcommands)
            {
                Visit(sub, $"{path} {sub.Name}");
            }
        }

        Visit(root, "mnemo");

        Assert.Empty(missing);
    }
}

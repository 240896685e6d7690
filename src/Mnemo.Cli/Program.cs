using Mnemo.Cli;

return await MnemoCli.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);

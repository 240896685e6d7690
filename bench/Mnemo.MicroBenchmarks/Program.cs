using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Mnemo.MicroBenchmarks -- --filter '*Distance*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, Mnemo.MicroBenchmarks.BenchmarkConfig.Create());

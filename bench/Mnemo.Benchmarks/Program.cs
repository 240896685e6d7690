using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Mnemo.Benchmarks -- --filter '*Distance*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, Mnemo.Benchmarks.BenchmarkConfig.Create());

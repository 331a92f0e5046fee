using BenchmarkDotNet.Running;
using Tradeguard.Benchmarks;

if (args.Length > 0 && args[0] == "alerts-drain")
{
    return await AlertsDrain.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

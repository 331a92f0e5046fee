using BenchmarkDotNet.Running;
using Tradeguard.Benchmarks;

if (args.Length > 0 && args[0] == "alerts-drain")
{
    return await AlertsDrain.RunAsync(args);
}

// `gateway-load` is a paced load harness (latency percentiles, connections, soak), not a BenchmarkDotNet run.
if (args is ["gateway-load", .. var rest])
{
    return await Tradeguard.Benchmarks.GatewayLoad.RunAsync(rest);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

using BenchmarkDotNet.Running;

// `gateway-load` is a paced load harness (latency percentiles, connections, soak), not a BenchmarkDotNet run.
if (args is ["gateway-load", .. var rest])
{
    return await Tradeguard.Benchmarks.GatewayLoad.RunAsync(rest);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

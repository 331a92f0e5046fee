using System.Net;
using System.Net.Sockets;
using Tradeguard.Exchange.Tests.Support;
using Tradeguard.TestSupport;

namespace Tradeguard.Exchange.Tests;

/// <summary><c>sandbox serve</c> on a port another process holds: a configuration error (exit 5) that says what to do.</summary>
public sealed class SandboxPortInUseTests : IDisposable
{
    private readonly TempFolder _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public void SandboxServe_OnAPortInUse_Exits5_NamingThePortAndTheOption()
    {
        var env = SandboxInstallation.Create(_home);
        var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        try
        {
            var port = ((IPEndPoint)occupant.LocalEndpoint).Port;

            var result = TradeguardCli.Run(["sandbox", "serve", "--data", RepoPaths.Samples("data", "orcl-1995-2014.txt"), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                env: env);

            Assert.True(result.ExitCode == 5, result.AllOutput);
            Assert.Equal($"error: port {port} on 127.0.0.1 is in use: stop the other process (another sandbox?) or pass --port N",
                result.Stderr.Trim());
        }
        finally
        {
            occupant.Stop();
        }
    }
}

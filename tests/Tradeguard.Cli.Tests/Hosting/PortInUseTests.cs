using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Tradeguard.Cli.Hosting;
using Tradeguard.Core.Errors;

namespace Tradeguard.Cli.Tests.Hosting;

/// <summary>The one guard every listener starts through: Kestrel's bind failure on a taken port becomes exit 5.</summary>
public sealed class PortInUseTests
{
    [Fact]
    public async Task KestrelOnATakenPort_IsAConfigurationError_NamingPortHostAndRemedy()
    {
        var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        try
        {
            var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
            var error = await Assert.ThrowsAsync<TradeguardException>(() => PortInUse.Guard("127.0.0.1", port, "pass --port N", async () =>
            {
                var builder = WebApplication.CreateSlimBuilder();
                builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
                var app = builder.Build();
                await app.StartAsync();
                return app;
            }));

            Assert.Equal((ExitCode.Configuration, $"port {port} on 127.0.0.1 is in use: pass --port N"), (error.ExitCode, error.Message));
        }
        finally
        {
            occupant.Stop();
        }
    }

    [Fact]
    public async Task OtherStartFailures_AreNotReportedAsPortInUse()
    {
        var error = await Assert.ThrowsAsync<IOException>(() =>
            PortInUse.Guard<int>("127.0.0.1", 1, "pass --port N", () => throw new IOException("disk full")));

        Assert.Equal("disk full", error.Message);
    }
}

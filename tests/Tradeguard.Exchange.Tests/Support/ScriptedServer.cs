using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tradeguard.Exchange.Tests.Support;

/// <summary>
/// An HTTP server on 127.0.0.1 that answers each request with the next scripted response (then repeats the last),
/// recording method and path of every request.
/// </summary>
public sealed class ScriptedServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<ScriptedResponse> script;
    private readonly ScriptedResponse last;
    private readonly Task loop;

    public ScriptedServer(params ScriptedResponse[] responses)
    {
        script = new ConcurrentQueue<ScriptedResponse>(responses);
        last = responses[^1];
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(BaseAddress.ToString());
        listener.Start();
        loop = Task.Run(Serve);
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<string> Requests { get; } = new();

    public void Dispose()
    {
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task Serve()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (!listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            Requests.Enqueue($"{context.Request.HttpMethod} {context.Request.Url!.AbsolutePath}");
            var response = script.TryDequeue(out var next) ? next : last;
            context.Response.StatusCode = response.Status;
            foreach (var (name, value) in response.Headers)
            {
                context.Response.Headers[name] = value;
            }

            var body = Encoding.UTF8.GetBytes(response.Body);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}

public sealed record ScriptedResponse(int Status, string Body, params (string Name, string Value)[] Headers);

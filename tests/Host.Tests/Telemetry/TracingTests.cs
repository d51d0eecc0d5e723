using Anju.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Anju.Host.Tests.Telemetry;

/// <summary>Requests are traced when traces have somewhere to go (here the console exporter), and not otherwise.</summary>
public sealed class TracingTests
{
    [Fact]
    public async Task Without_an_exporter_no_tracer_provider_records_requests()
    {
        var host = new SqliteHost();
        await host.InitializeAsync();
        try
        {
            Assert.Null(host.Services.GetService<TracerProvider>());
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task With_the_console_exporter_requests_are_traced()
    {
        var host = new ConsoleTelemetryHost();
        await host.InitializeAsync();
        try
        {
            Assert.NotNull(host.Services.GetService<TracerProvider>());
            var admin = await host.ClientAsync("admin");
            (await admin.GetAsync("/api/me")).EnsureSuccessStatusCode();
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private sealed class ConsoleTelemetryHost : HostFixture
    {
        protected override bool UsePostgres => false;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Anju:Telemetry:Console", "true");
        }
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;

namespace Anju.Host.Tests.Features.Deployments;

public abstract class DeploymentTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    private const string Simple = "Features/Deployments/DeploymentTests.Simple.bpmn";

    [Fact]
    public async Task Multipart_files_deploy_as_version_1_and_identical_content_again_is_200_without_a_new_version()
    {
        var admin = await host.ClientAsync("admin");
        var suffix = ProcessApi.NewSuffix();

        var first = await admin.PostAsync("/api/deployments?note=" + Uri.EscapeDataString("首次部署"), Multipart(ProcessApi.Fixture(Simple, suffix)));
        var again = await admin.PostAsync("/api/deployments", Multipart(ProcessApi.Fixture(Simple, suffix)));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var deployed = Assert.Single((await first.Json())["definitions"]!.AsArray())!;
        Assert.Equal($"simple-{suffix}", deployed["key"]!.GetValue<string>());
        Assert.Equal(1, deployed["version"]!.GetValue<int>());
        Assert.Equal("简单流程", deployed["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, (await again.Json())["definitions"]![0]!["version"]!.GetValue<int>());
        var definition = await admin.GetFromJsonAsync<JsonObject>($"/api/definitions/simple-{suffix}");
        var version = Assert.Single(definition!["versions"]!.AsArray())!;
        Assert.Equal("admin", version["deployedBy"]!.GetValue<string>());
        Assert.Equal("首次部署", version["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_changed_document_becomes_version_2_and_each_version_keeps_its_xml()
    {
        var admin = await host.ClientAsync("admin");
        var suffix = ProcessApi.NewSuffix();
        var v1 = ProcessApi.Fixture(Simple, suffix);
        var v2 = v1.Replace("办理", "办理（修订）", StringComparison.Ordinal);

        await admin.PostXmlAsync("/api/deployments", v1);
        var second = await admin.PostXmlAsync("/api/deployments?note=v2", v2);

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(2, (await second.Json())["definitions"]![0]!["version"]!.GetValue<int>());
        var list = await admin.GetFromJsonAsync<JsonArray>("/api/definitions");
        Assert.Equal(2, list!.Single(d => d!["key"]!.GetValue<string>() == $"simple-{suffix}")!["latestVersion"]!.GetValue<int>());
        var latest = await admin.GetAsync($"/api/definitions/simple-{suffix}/xml");
        Assert.Equal("application/xml", latest.Content.Headers.ContentType!.MediaType);
        Assert.Contains("办理（修订）", await latest.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("办理（修订）", await admin.GetStringAsync($"/api/definitions/simple-{suffix}/xml?version=1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_signed_in_user_reads_definitions_and_unknown_keys_are_404()
    {
        var admin = await host.ClientAsync("admin");
        var owner = await host.ClientAsync("owner.li");
        var suffix = ProcessApi.NewSuffix();
        await admin.DeployAsync(Simple, suffix);

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/definitions/simple-{suffix}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync("/api/definitions/no-such-process")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/definitions/simple-{suffix}/xml?version=9")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().GetAsync("/api/definitions")).StatusCode);
    }

    [Fact]
    public async Task Invalid_bpmn_is_400_naming_the_element_and_line_and_nothing_is_deployed()
    {
        var admin = await host.ClientAsync("admin", "en");
        var suffix = ProcessApi.NewSuffix();

        var response = await admin.PostXmlAsync("/api/deployments", ProcessApi.Fixture("Features/Deployments/DeploymentTests.Invalid.bpmn", suffix));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal("deploymentInvalid", problem.Code());
        var error = problem["errors"]!.AsArray().First(e => e!["elementId"]?.GetValue<string>() == "f1")!;
        Assert.Equal("f1", error["elementId"]!.GetValue<string>());
        Assert.Equal(5, error["line"]!.GetValue<int>());
        Assert.Contains("nowhere", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/definitions/invalid-{suffix}")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_service_task_is_refused_unless_deployed_as_an_external_task()
    {
        var admin = await host.ClientAsync("admin");
        var suffix = ProcessApi.NewSuffix();
        var xml = ProcessApi.Fixture("Features/Deployments/DeploymentTests.UnknownService.bpmn", suffix);

        var refused = await admin.PostXmlAsync("/api/deployments", xml);
        var accepted = await admin.PostXmlAsync("/api/deployments?unknownServiceTasks=external", xml);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("route", (await refused.Json())["errors"]![0]!["elementId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        await admin.StartAsync($"route-{suffix}", new { jurisdiction = "binjiang-garden" });
        var fetched = await admin.PostAsJsonAsync("/api/external-tasks/fetch-and-lock", new
        {
            workerId = "w",
            maxTasks = 1,
            topics = new[] { new { topicName = $"cn.gov.jy.RouteDelegate-{suffix}", lockDurationMs = 10_000 } },
        });
        Assert.Single(await fetched.JsonArrayAsync());
    }

    [Fact]
    public async Task A_document_with_an_external_entity_is_refused()
    {
        var admin = await host.ClientAsync("admin");

        var response = await admin.PostXmlAsync("/api/deployments", ProcessApi.Fixture("Features/Deployments/DeploymentTests.ExternalEntity.bpmn", ProcessApi.NewSuffix()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("deploymentInvalid", (await response.Json()).Code());
    }

    [Fact]
    public async Task More_than_10_MB_is_413()
    {
        var admin = await host.ClientAsync("admin");
        var xml = ProcessApi.Fixture(Simple, ProcessApi.NewSuffix()).Replace("<bpmn:startEvent", "<!--" + new string('x', 11 * 1024 * 1024) + "--><bpmn:startEvent", StringComparison.Ordinal);

        var raw = await admin.PostXmlAsync("/api/deployments", xml);
        var multipart = await admin.PostAsync("/api/deployments", Multipart(xml));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, raw.StatusCode);
        Assert.Equal("payloadTooLarge", (await raw.Json()).Code());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, multipart.StatusCode);
    }

    [Fact]
    public async Task Only_administrators_deploy()
    {
        var xml = ProcessApi.Fixture(Simple, ProcessApi.NewSuffix());

        var street = await (await host.ClientAsync("street.chengjiang")).PostXmlAsync("/api/deployments", xml);
        var anonymous = await host.Anonymous().PostXmlAsync("/api/deployments", xml);

        Assert.Equal(HttpStatusCode.Forbidden, street.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_neither_xml_nor_multipart_is_415()
    {
        var admin = await host.ClientAsync("admin");

        var response = await admin.PostAsync("/api/deployments", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    private static MultipartFormDataContent Multipart(string xml)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(xml));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        return new MultipartFormDataContent { { file, "files", "process.bpmn" } };
    }
}

public sealed class SqliteDeploymentTests(SqliteHost host) : DeploymentTests<SqliteHost>(host);

public sealed class PostgresDeploymentTests(PostgresHost host) : DeploymentTests<PostgresHost>(host);

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Anju.Definitions.Tests.Support;

/// <summary>
/// Drives the quarterly assessment through the API as the real roles: who scores which compound, how a
/// compound's task is found in an inbox, the complaint stand-in.
/// </summary>
public sealed class AssessmentDriver(ProcedureHost host)
{
    public const string City = "jiangyin";
    public const string Dingshan = "jiangyin/yunting/dingshan/dingshan-yayuan";
    public const string CompoundKey = "quarterly-assessment-compound";

    /// <summary>The community, street office and committee (if any) of each demo compound.</summary>
    public static readonly IReadOnlyDictionary<string, (string Community, string Street, string? Committee)> People =
        new Dictionary<string, (string, string, string?)>
        {
            [ProcedureApi.Binjiang] = ("community.huangshan", "street.chengjiang", "committee.binjiang"),
            [ProcedureApi.Yuxiu] = ("community.huangshan", "street.chengjiang", null),
            [ProcedureApi.Xingfuli] = ("community.xingfu", "street.nanzha", null),
            [Dingshan] = ("community.dingshan", "street.yunting", "committee.dingshan"),
        };

    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    public async Task<HttpClient> As(string username)
    {
        if (!_clients.TryGetValue(username, out var client))
        {
            client = await host.As(username);
            _clients[username] = client;
        }

        return client;
    }

    /// <summary>Signs everyone in again (after the clock moved past the token lifetime).</summary>
    public void ForgetLogins() => _clients.Clear();

    /// <summary>The caller's open tasks of a definition, all pages' worth (≤ 200).</summary>
    public async Task<List<JsonObject>> InboxAsync(string username, string definitionKey = CompoundKey)
    {
        var client = await As(username);
        var page = await client.GetAsync($"/api/tasks?definitionKey={definitionKey}&pageSize=200").Expect(HttpStatusCode.OK);
        return [.. page["items"]!.AsArray().Select(i => i!.AsObject())];
    }

    public async Task<JsonObject?> FindTaskAsync(string username, string activityId, string jurisdiction, string definitionKey = CompoundKey) =>
        (await InboxAsync(username, definitionKey)).SingleOrDefault(t =>
            t["activityId"]!.GetValue<string>() == activityId && t["jurisdiction"]?.GetValue<string>() == jurisdiction);

    public async Task CompleteAsync(string username, string activityId, string jurisdiction, object variables, string definitionKey = CompoundKey)
    {
        var task = await FindTaskAsync(username, activityId, jurisdiction, definitionKey);
        Assert.True(task is not null, $"{username} has no task '{activityId}' in {jurisdiction}");
        var client = await As(username);
        var id = task!["id"]!.GetValue<string>();
        await client.PostAsync($"/api/tasks/{id}/claim", null).Expect(HttpStatusCode.NoContent);
        await client.PostAsJsonAsync($"/api/tasks/{id}/complete", new { variables }).Expect(HttpStatusCode.NoContent);
    }

    /// <summary>The four scoring tasks of a compound (the committee's only where there is one), as their roles.</summary>
    public async Task ScoreAsync(string compound, int owners, int? committee, int community, int street)
    {
        var (communityUser, streetUser, committeeUser) = People[compound];
        await CompleteAsync(communityUser, "ownersSurvey", compound, new { ownersScore = owners, surveyRespondents = 120, surveyNote = "入户问卷" });
        if (committeeUser is not null)
        {
            await CompleteAsync(committeeUser, "committeeScoring", compound, new { committeeScore = committee!.Value });
        }
        else
        {
            Assert.Null(committee);
        }

        await CompleteAsync(communityUser, "communityInspection", compound, new { communityScore = community });
        await CompleteAsync(streetUser, "streetInspection", compound, new { streetScore = street });
    }

    /// <summary>The housing bureau's review; the score is computed by an asynchronous job, run here.</summary>
    public async Task ReviewAsync(string compound, int bureau, int adjustment = 0, string? reason = null)
    {
        await CompleteAsync("bureau.housing", "bureauReview", compound, new { bureauScore = bureau, adjustment, adjustmentReason = reason ?? "" });
        await host.RunDueJobsAsync();
    }

    /// <summary>
    /// The objection period (异议期) of a compound on the provisional black list: its firm confirms, or objects with a
    /// reason. The objection task is the firm's, in the compound, for 5 working days.
    /// </summary>
    public async Task FirmRespondsAsync(string firm, string compound, bool objects, string? reason = null)
    {
        var task = await FindTaskAsync(firm, "firmObjection", compound, "quarterly-assessment");
        Assert.True(task is not null, $"{firm} has no objection task in {compound}");
        await CompleteAsync(firm, "firmObjection", compound, new { objects = objects ? "object" : "none", objectionText = reason ?? "" }, "quarterly-assessment");
    }

    /// <summary>The housing bureau answers a firm's objection: uphold, or correct the composite score.</summary>
    public async Task BureauAnswersAsync(string compound, string answer, decimal? correctedScore = null)
    {
        object variables = correctedScore is { } score
            ? new { objectionDecision = "correct", correctedScore = score, objectionAnswer = answer }
            : new { objectionDecision = "uphold", objectionAnswer = answer };
        await CompleteAsync("bureau.housing", "answerObjection", compound, variables, "quarterly-assessment");
    }

    public async Task<JsonObject> StartQuarterAsync(string quarter)
    {
        var admin = await As("admin");
        return await admin.StartAsync("quarterly-assessment", City, new { quarter });
    }

    /// <summary>
    /// Makes sure a definition keyed complaint-handling is deployed: the real one (P1) when it is on main,
    /// else a stand-in (one community task) deployed by this test only. Returns true when the stand-in was used.
    /// </summary>
    public async Task<bool> EnsureComplaintDefinitionAsync()
    {
        var admin = await As("admin");
        var existing = await admin.GetAsync("/api/definitions/complaint-handling");
        if (existing.StatusCode == HttpStatusCode.OK)
        {
            return false;
        }

        Assert.Equal(HttpStatusCode.NotFound, existing.StatusCode);
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
              <bpmn:process id="complaint-handling" name="投诉处理（测试替身）" isExecutable="true">
                <bpmn:startEvent id="s" />
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="handle" />
                <bpmn:userTask id="handle" name="处理投诉" camunda:candidateGroups="community" />
                <bpmn:sequenceFlow id="f2" sourceRef="handle" targetRef="e" />
                <bpmn:endEvent id="e" />
              </bpmn:process>
            </bpmn:definitions>
            """;
        using var content = new StringContent(xml, Encoding.UTF8, "application/xml");
        var response = await admin.PostAsync("/api/deployments", content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return true;
    }
}

namespace Anju.Host.Tests.Authorization;

/// <summary>
/// Every route × role × in/out of jurisdiction, with the status the rules give (not what the code happens to
/// answer). The rules: every route needs a signed-in user (401) unless it allows anonymous; users, deployments,
/// cancel, job execution and incident retry are the administrators' (403); jobs and incidents lists are the
/// supervisors' (403 for firm, committee, owner); messages are for administrators and workers, external tasks
/// for workers and administrators (403). An instance is seen by the administrators and by whoever holds its
/// jurisdiction or one above it; a task by its candidates (groups = roles) whose jurisdiction covers it, while it
/// is unassigned or theirs. Out of reach an instance or a task does not exist: 404, never 403.
/// </summary>
/// <remarks>
/// Placeholders: {definitionKey}; the shared cases {inInstance}/{outInstance} (community step) and
/// {inInstance2}/{outInstance2} (street step) with their tasks {inTask}/{outTask}/{inTask2}/{outTask2};
/// {attachment} (on {inInstance}); {inIncidentInstance}/{outIncidentInstance}, cases stopped on an incident. A row that changes a case gets its own: {newInInstance}, {newOutInstance},
/// {newInTask}, {newOutTask}, {newInTask2}, {newOutTask2}, {newInTaskClaimed} (held by community.huangshan),
/// {newJob} (a case's timer), {newIncident}; {randomId} is an id nothing has. "in" is 滨江花园 (澄江 / 黄山), "out" is 幸福里 (南闸).
/// Checks (for lists, separated by ';'): contains:{x}, excludes:{x}, reachable (every item's jurisdiction is
/// reached by the caller).
/// </remarks>
public static class AuthorizationMatrix
{
    public const string Admin = "admin";
    public const string StreetIn = "street.chengjiang";
    public const string StreetOut = "street.nanzha";
    public const string Community = "community.huangshan";
    public const string Firm = "firm.binjiang";
    public const string Committee = "committee.binjiang";
    public const string Station = "station.chengjiang";
    public const string Bureau = "bureau.housing";
    public const string Department = "dept.chengguan";
    public const string Owner = "owner.li";
    public const string Anonymous = "anonymous";

    public static readonly string[] SignedIn = [Admin, StreetIn, StreetOut, Community, Firm, Committee, Station, Bureau, Department, Owner];

    private const string Xml = "@bpmn";
    private const string Png = "@png";

    public static TheoryData<string, string, string, string, string, int, string> Rows
    {
        get
        {
            var rows = new TheoryData<string, string, string, string, string, int, string>();
            foreach (var row in All())
            {
                rows.Add(row.Endpoint, row.User, row.Method, row.Url, row.Body, row.Expected, row.Checks);
            }

            return rows;
        }
    }

    public static int Count => All().Count();

    private sealed record Row(string Endpoint, string User, string Method, string Url, string Body, int Expected, string Checks = "");

    private static IEnumerable<Row> All()
    {
        // ---- Auth ----
        foreach (var user in SignedIn)
        {
            yield return new("GET me", user, "GET", "/api/me", "", 200);
        }

        yield return new("GET me", Anonymous, "GET", "/api/me", "", 401);
        yield return new("POST auth/login (anonymous allowed)", Anonymous, "POST", "/api/auth/login", """{"username":"owner.li","password":"Anju@2026"}""", 200);
        yield return new("POST auth/logout (anonymous allowed)", Anonymous, "POST", "/api/auth/logout", "", 204);

        // ---- Users (administrators) and the jurisdiction tree (everyone signed in) ----
        foreach (var user in SignedIn)
        {
            yield return new("GET users", user, "GET", "/api/users", "", user == Admin ? 200 : 403);
            yield return new("GET jurisdictions", user, "GET", "/api/jurisdictions", "", 200);
        }

        yield return new("GET users", Anonymous, "GET", "/api/users", "", 401);
        yield return new("GET jurisdictions", Anonymous, "GET", "/api/jurisdictions", "", 401);
        foreach (var user in new[] { Admin, StreetIn, Community, Owner, Anonymous })
        {
            var denied = user == Anonymous ? 401 : 403;
            yield return new("GET users/{username}", user, "GET", "/api/users/owner.li", "", user == Admin ? 200 : denied);
            if (user != Admin)
            {
                yield return new("POST users", user, "POST", "/api/users", """{"username":"matrix.new","password":"Anju@2026x","roles":["owner"],"jurisdictions":["jiangyin/chengjiang/huangshan/binjiang-garden"]}""", denied);
                yield return new("PUT users/{username}", user, "PUT", "/api/users/nobody.matrix", """{"displayName":"x","roles":["admin"],"jurisdictions":[]}""", denied);
                yield return new("POST users/{username}/password", user, "POST", "/api/users/nobody.matrix/password", """{"password":"Anju@2026x"}""", denied);
                yield return new("POST users/{username}/unlock", user, "POST", "/api/users/nobody.matrix/unlock", "", denied);
                yield return new("DELETE users/{username}", user, "DELETE", "/api/users/nobody.matrix", "", denied);
            }
        }

        // ---- Deployments (administrators) ----
        foreach (var user in new[] { Admin, StreetIn, Community, Firm, Owner, Bureau, Department, Anonymous })
        {
            // The same document again: accepted without a new version (200).
            yield return new("POST deployments", user, "POST", "/api/deployments", Xml, user switch { Admin => 200, Anonymous => 401, _ => 403 });
        }

        // ---- Definitions (everyone signed in) ----
        foreach (var user in SignedIn)
        {
            yield return new("GET definitions", user, "GET", "/api/definitions", "", 200, "contains:{definitionKey}");
        }

        foreach (var user in new[] { Admin, StreetOut, Firm, Owner })
        {
            yield return new("GET definitions/{key}", user, "GET", "/api/definitions/{definitionKey}", "", 200);
            yield return new("GET definitions/{key}/xml", user, "GET", "/api/definitions/{definitionKey}/xml", "", 200);
        }

        yield return new("GET definitions", Anonymous, "GET", "/api/definitions", "", 401);
        yield return new("GET definitions/{key}", Anonymous, "GET", "/api/definitions/{definitionKey}", "", 401);
        yield return new("GET definitions/{key}/xml", Anonymous, "GET", "/api/definitions/{definitionKey}/xml", "", 401);

        // A newer definitions file: the administrators' (the matrix's definition has no file, so nothing is on offer: 409).
        const string hash = """{"contentHash":"0000000000000000000000000000000000000000000000000000000000000000"}""";
        foreach (var user in SignedIn.Append(Anonymous))
        {
            var expected = user switch { Admin => 409, Anonymous => 401, _ => 403 };
            yield return new("POST definitions/{key}/file-update/adopt", user, "POST", "/api/definitions/{definitionKey}/file-update/adopt", hash, expected);
            yield return new("POST definitions/{key}/file-update/ignore", user, "POST", "/api/definitions/{definitionKey}/file-update/ignore", hash, expected);
        }

        // ---- Instances ----
        // Start: the definition's starters (camunda:candidateStarterGroups = community, street-office, property-firm, owner)
        // and administrators, in a jurisdiction they reach (out of reach: 400 jurisdictionOutOfReach); anyone else who
        // reaches it: 403 start.forbidden, and nothing is created.
        foreach (var user in SignedIn)
        {
            var starter = user is Admin or StreetIn or StreetOut or Community or Firm or Owner;
            yield return new("POST start instance IN (binjiang-garden)", user, "POST", "/api/definitions/{definitionKey}/instances",
                """{"jurisdiction":"jiangyin/chengjiang/huangshan/binjiang-garden"}""", !MatrixWorld.Reaches(user, MatrixWorld.Binjiang) ? 400 : starter ? 201 : 403);
            yield return new("POST start instance OUT (xingfuli)", user, "POST", "/api/definitions/{definitionKey}/instances",
                """{"jurisdiction":"jiangyin/nanzha/xingfu/xingfuli"}""", !MatrixWorld.Reaches(user, MatrixWorld.Xingfuli) ? 400 : starter ? 201 : 403);
        }

        yield return new("POST start instance IN (binjiang-garden)", Anonymous, "POST", "/api/definitions/{definitionKey}/instances",
            """{"jurisdiction":"jiangyin/chengjiang/huangshan/binjiang-garden"}""", 401);

        foreach (var user in SignedIn)
        {
            // Owners see only the cases they started; the shared IN case was started by the administrator.
            var seesIn = user != Owner && MatrixWorld.Reaches(user, MatrixWorld.Binjiang);
            var seesOut = user != Owner && MatrixWorld.Reaches(user, MatrixWorld.Xingfuli);
            yield return new("GET instances (only reachable)", user, "GET", "/api/instances?definitionKey={definitionKey}&pageSize=200", "", 200,
                $"reachable;{(seesIn ? "contains" : "excludes")}:{{inInstance}};{(seesOut ? "contains" : "excludes")}:{{outInstance}}");
            yield return new("GET instances/{id} IN", user, "GET", "/api/instances/{inInstance}", "", seesIn ? 200 : 404);
            yield return new("GET instances/{id} OUT", user, "GET", "/api/instances/{outInstance}", "", seesOut ? 200 : 404);
            yield return new("GET instances/{id}/journal IN", user, "GET", "/api/instances/{inInstance}/journal", "", seesIn ? 200 : 404);
            yield return new("GET instances/{id}/journal OUT", user, "GET", "/api/instances/{outInstance}/journal", "", seesOut ? 200 : 404);
            yield return new("GET instances/counts", user, "GET", "/api/instances/counts", "", 200);
            yield return new("GET instances/{id}/attachments IN", user, "GET", "/api/instances/{inInstance}/attachments", "", seesIn ? 200 : 404);
            yield return new("GET instances/{id}/attachments OUT", user, "GET", "/api/instances/{outInstance}/attachments", "", seesOut ? 200 : 404);
            yield return new("POST instances/{id}/attachments IN", user, "POST", "/api/instances/{inInstance}/attachments", Png, seesIn ? 201 : 404);
            yield return new("POST instances/{id}/attachments OUT", user, "POST", "/api/instances/{outInstance}/attachments", Png, seesOut ? 201 : 404);
            yield return new("GET instances/{id}/timeline IN", user, "GET", "/api/instances/{inInstance}/timeline", "", seesIn ? 200 : 404);
            yield return new("GET instances/{id}/timeline OUT", user, "GET", "/api/instances/{outInstance}/timeline", "", seesOut ? 200 : 404);
            yield return new("GET instances/{id}/comments IN", user, "GET", "/api/instances/{inInstance}/comments", "", seesIn ? 200 : 404);
            yield return new("GET instances/{id}/comments OUT", user, "GET", "/api/instances/{outInstance}/comments", "", seesOut ? 200 : 404);
            yield return new("POST instances/{id}/comments IN", user, "POST", "/api/instances/{inInstance}/comments", """{"text":"权限矩阵测试"}""", seesIn ? 201 : 404);
            yield return new("POST instances/{id}/comments OUT", user, "POST", "/api/instances/{outInstance}/comments", """{"text":"权限矩阵测试"}""", seesOut ? 201 : 404);
        }

        yield return new("GET instances (only reachable)", Anonymous, "GET", "/api/instances", "", 401);
        yield return new("GET instances/{id} IN", Anonymous, "GET", "/api/instances/{inInstance}", "", 401);
        yield return new("GET instances/{id}/journal IN", Anonymous, "GET", "/api/instances/{inInstance}/journal", "", 401);
        yield return new("GET instances/counts", Anonymous, "GET", "/api/instances/counts", "", 401);
        yield return new("GET instances/{id}/attachments IN", Anonymous, "GET", "/api/instances/{inInstance}/attachments", "", 401);
        yield return new("POST instances/{id}/attachments IN", Anonymous, "POST", "/api/instances/{inInstance}/attachments", Png, 401);
        yield return new("GET instances/{id}/timeline IN", Anonymous, "GET", "/api/instances/{inInstance}/timeline", "", 401);
        yield return new("GET instances/{id}/comments IN", Anonymous, "GET", "/api/instances/{inInstance}/comments", "", 401);
        yield return new("POST instances/{id}/comments IN", Anonymous, "POST", "/api/instances/{inInstance}/comments", """{"text":"权限矩阵测试"}""", 401);

        // Cancel: administrators only, each row on a case of its own.
        const string reason = """{"reason":"权限矩阵测试"}""";
        foreach (var user in new[] { Admin, StreetIn, Community, Firm, Owner, Bureau, Anonymous })
        {
            yield return new("POST instances/{id}/cancel IN", user, "POST", "/api/instances/{newInInstance}/cancel", reason, user switch { Admin => 204, Anonymous => 401, _ => 403 });
        }

        yield return new("POST instances/{id}/cancel OUT", Admin, "POST", "/api/instances/{newOutInstance}/cancel", reason, 204);
        yield return new("POST instances/{id}/cancel OUT", StreetOut, "POST", "/api/instances/{newOutInstance}/cancel", reason, 403);

        // Repair tools (modify, edit a variable, bulk cancel): administrators only, in and out of every jurisdiction.
        const string modify = """{"instructions":[{"type":"cancel","activityId":"check"},{"type":"startBefore","activityId":"approve"}],"reason":"权限矩阵测试"}""";
        const string edit = """{"value":"42","type":"long","reason":"权限矩阵测试"}""";
        const string bulkCancel = """{"instanceIds":["{newInInstance}"],"reason":"权限矩阵测试"}""";
        const string bulkRetry = """{"incidentIds":["{newIncident}"],"reason":"权限矩阵测试"}""";
        foreach (var user in new[] { Admin, StreetIn, Community, Firm, Owner, Bureau, Anonymous })
        {
            var allowed = user switch { Admin => 200, Anonymous => 401, _ => 403 };
            yield return new("POST instances/{id}/modify IN", user, "POST", "/api/instances/{newInInstance}/modify", modify, allowed);
            yield return new("PUT instances/{id}/variables/{name} IN", user, "PUT", "/api/instances/{newInInstance}/variables/amount", edit, allowed);
            yield return new("POST instances/bulk/cancel", user, "POST", "/api/instances/bulk/cancel", bulkCancel, allowed);
            yield return new("POST incidents/bulk/retry", user, "POST", "/api/incidents/bulk/retry", bulkRetry, allowed);
        }

        yield return new("POST instances/{id}/modify OUT", StreetOut, "POST", "/api/instances/{newOutInstance}/modify", modify, 403);
        yield return new("POST instances/{id}/modify OUT", Admin, "POST", "/api/instances/{newOutInstance}/modify", modify, 200);
        yield return new("PUT instances/{id}/variables/{name} OUT", StreetOut, "PUT", "/api/instances/{newOutInstance}/variables/amount", edit, 403);

        // ---- Tasks ----
        // The inbox: community.huangshan has {inTask}, street.chengjiang {inTask2}, street.nanzha {outTask2};
        // nobody in 南闸 holds the community role, so {outTask} is the administrators' alone.
        foreach (var user in SignedIn)
        {
            var inbox = new Dictionary<string, bool>(StringComparer.Ordinal)
            {
                ["{inTask}"] = user is Admin or Community,
                ["{outTask}"] = user is Admin,
                ["{inTask2}"] = user is Admin or StreetIn,
                ["{outTask2}"] = user is Admin or StreetOut,
            };
            var checks = string.Join(';', inbox.Select(e => (e.Value ? "contains:" : "excludes:") + e.Key)) + ";reachable";
            yield return new("GET tasks (inbox contents)", user, "GET", "/api/tasks?definitionKey={definitionKey}&pageSize=200", "", 200, checks);
        }

        // A filter narrows what the caller sees; it never widens it.
        yield return new("GET tasks?jurisdiction=OUT (filter does not widen)", StreetIn, "GET", "/api/tasks?jurisdiction=jiangyin/nanzha&pageSize=200", "", 200, "excludes:{outTask2};excludes:{outTask};reachable");
        yield return new("GET instances?jurisdiction=OUT (filter does not widen)", StreetIn, "GET", "/api/instances?jurisdiction=jiangyin/nanzha&pageSize=200", "", 200, "excludes:{outInstance};excludes:{outInstance2};reachable");
        yield return new("GET instances?jurisdiction=OUT (filter does not widen)", Owner, "GET", "/api/instances?jurisdiction=jiangyin&pageSize=200", "", 200, "excludes:{outInstance};reachable");

        // A task someone holds leaves the other candidates' view.
        yield return new("GET tasks/{id} IN held", Community, "GET", "/api/tasks/{newInTaskClaimed}", "", 200);
        yield return new("GET tasks/{id} IN held by another candidate", MatrixWorld.Helper, "GET", "/api/tasks/{newInTaskClaimed}", "", 404);
        yield return new("POST tasks/{id}/comments IN held by another candidate", MatrixWorld.Helper, "POST", "/api/tasks/{newInTaskClaimed}/comments", """{"text":"已阅"}""", 404);
        yield return new("GET tasks (inbox contents) IN held by another candidate", MatrixWorld.Helper, "GET", "/api/tasks?definitionKey={definitionKey}&pageSize=200", "", 200, "excludes:{newInTaskClaimed};contains:{inTask}");

        yield return new("GET tasks (inbox contents)", Anonymous, "GET", "/api/tasks", "", 401);
        foreach (var user in new[] { Admin, Community, Owner })
        {
            yield return new("GET tasks/done", user, "GET", "/api/tasks/done", "", 200);
        }

        yield return new("GET tasks/done", Anonymous, "GET", "/api/tasks/done", "", 401);

        // Reading one task, its comments and attachments: the task's audience only.
        foreach (var (url, what) in new[] { ("/api/tasks/{0}", "GET tasks/{id}"), ("/api/tasks/{0}/comments", "GET tasks/{id}/comments"), ("/api/tasks/{0}/attachments", "GET tasks/{id}/attachments"), ("/api/tasks/{0}/return-targets", "GET tasks/{id}/return-targets"), ("/api/tasks/{0}/delegates", "GET tasks/{id}/delegates") })
        {
            yield return new(what + " IN community step", Admin, "GET", string.Format(null, url, "{inTask}"), "", 200);
            yield return new(what + " IN community step", Community, "GET", string.Format(null, url, "{inTask}"), "", 200);
            yield return new(what + " IN community step", StreetIn, "GET", string.Format(null, url, "{inTask}"), "", 404);
            yield return new(what + " IN community step", Firm, "GET", string.Format(null, url, "{inTask}"), "", 404);
            yield return new(what + " IN community step", Owner, "GET", string.Format(null, url, "{inTask}"), "", 404);
            yield return new(what + " IN community step", Station, "GET", string.Format(null, url, "{inTask}"), "", 404);
            yield return new(what + " IN community step", Bureau, "GET", string.Format(null, url, "{inTask}"), "", 404);
            yield return new(what + " IN community step", Anonymous, "GET", string.Format(null, url, "{inTask}"), "", 401);
            yield return new(what + " OUT community step", Admin, "GET", string.Format(null, url, "{outTask}"), "", 200);
            yield return new(what + " OUT community step", Community, "GET", string.Format(null, url, "{outTask}"), "", 404);
            yield return new(what + " IN street step", StreetIn, "GET", string.Format(null, url, "{inTask2}"), "", 200);
            yield return new(what + " IN street step", Community, "GET", string.Format(null, url, "{inTask2}"), "", 404);
            yield return new(what + " IN street step", StreetOut, "GET", string.Format(null, url, "{inTask2}"), "", 404);
            yield return new(what + " OUT street step", StreetOut, "GET", string.Format(null, url, "{outTask2}"), "", 200);
            yield return new(what + " OUT street step", StreetIn, "GET", string.Format(null, url, "{outTask2}"), "", 404);
        }

        // Claim and complete: the audience; each row on a case of its own.
        foreach (var (url, what, body) in new[]
        {
            ("/api/tasks/{0}/claim", "POST tasks/{id}/claim", ""),
            ("/api/tasks/{0}/complete", "POST tasks/{id}/complete", """{"variables":{}}"""),
        })
        {
            yield return new(what + " IN community step", Admin, "POST", string.Format(null, url, "{newInTask}"), body, 204);
            yield return new(what + " IN community step", Community, "POST", string.Format(null, url, "{newInTask}"), body, 204);
            yield return new(what + " IN community step", StreetIn, "POST", string.Format(null, url, "{newInTask}"), body, 404);
            yield return new(what + " IN community step", Firm, "POST", string.Format(null, url, "{newInTask}"), body, 404);
            yield return new(what + " IN community step", Owner, "POST", string.Format(null, url, "{newInTask}"), body, 404);
            yield return new(what + " IN community step", Bureau, "POST", string.Format(null, url, "{newInTask}"), body, 404);
            yield return new(what + " IN community step", Anonymous, "POST", string.Format(null, url, "{newInTask}"), body, 401);
            yield return new(what + " OUT community step", Admin, "POST", string.Format(null, url, "{newOutTask}"), body, 204);
            yield return new(what + " OUT community step", Community, "POST", string.Format(null, url, "{newOutTask}"), body, 404);
            yield return new(what + " IN street step", StreetIn, "POST", string.Format(null, url, "{newInTask2}"), body, 204);
            yield return new(what + " IN street step", StreetOut, "POST", string.Format(null, url, "{newInTask2}"), body, 404);
            yield return new(what + " OUT street step", StreetOut, "POST", string.Format(null, url, "{newOutTask2}"), body, 204);
            yield return new(what + " OUT street step", StreetIn, "POST", string.Format(null, url, "{newOutTask2}"), body, 404);
            yield return new(what + " IN held by another candidate", MatrixWorld.Helper, "POST", string.Format(null, url, "{newInTaskClaimed}"), body, 409);
        }

        // Unclaim: its holder or an administrator; another candidate 403; outside the audience 404.
        yield return new("POST tasks/{id}/unclaim IN held", Community, "POST", "/api/tasks/{newInTaskClaimed}/unclaim", "", 204);
        yield return new("POST tasks/{id}/unclaim IN held", Admin, "POST", "/api/tasks/{newInTaskClaimed}/unclaim", "", 204);
        yield return new("POST tasks/{id}/unclaim IN held", MatrixWorld.Helper, "POST", "/api/tasks/{newInTaskClaimed}/unclaim", "", 403);
        yield return new("POST tasks/{id}/unclaim IN held", StreetIn, "POST", "/api/tasks/{newInTaskClaimed}/unclaim", "", 404);
        yield return new("POST tasks/{id}/unclaim IN held", Firm, "POST", "/api/tasks/{newInTaskClaimed}/unclaim", "", 404);
        yield return new("POST tasks/{id}/unclaim IN held", StreetOut, "POST", "/api/tasks/{newInTaskClaimed}/unclaim", "", 404);
        yield return new("POST tasks/{id}/unclaim IN held", Anonymous, "POST", "/api/tasks/{newInTaskClaimed}/unclaim", "", 401);
        yield return new("POST tasks/{id}/unclaim OUT", Community, "POST", "/api/tasks/{newOutTask}/unclaim", "", 404);

        // Return (退回) from the street step.
        const string returnBody = """{"reason":"材料不全"}""";
        yield return new("POST tasks/{id}/return IN street step", Admin, "POST", "/api/tasks/{newInTask2}/return", returnBody, 204);
        yield return new("POST tasks/{id}/return IN street step", StreetIn, "POST", "/api/tasks/{newInTask2}/return", returnBody, 204);
        yield return new("POST tasks/{id}/return IN street step", Community, "POST", "/api/tasks/{newInTask2}/return", returnBody, 404);
        yield return new("POST tasks/{id}/return IN street step", Firm, "POST", "/api/tasks/{newInTask2}/return", returnBody, 404);
        yield return new("POST tasks/{id}/return IN street step", StreetOut, "POST", "/api/tasks/{newInTask2}/return", returnBody, 404);
        yield return new("POST tasks/{id}/return OUT street step", StreetOut, "POST", "/api/tasks/{newOutTask2}/return", returnBody, 204);
        yield return new("POST tasks/{id}/return IN street step", Anonymous, "POST", "/api/tasks/{newInTask2}/return", returnBody, 401);

        // Delegate (转办) the community step to the second community account.
        const string delegateBody = """{"username":"community.helper","reason":"转办测试"}""";
        yield return new("POST tasks/{id}/delegate IN community step", Admin, "POST", "/api/tasks/{newInTask}/delegate", delegateBody, 204);
        yield return new("POST tasks/{id}/delegate IN community step", Community, "POST", "/api/tasks/{newInTask}/delegate", delegateBody, 204);
        yield return new("POST tasks/{id}/delegate IN community step", StreetIn, "POST", "/api/tasks/{newInTask}/delegate", delegateBody, 404);
        yield return new("POST tasks/{id}/delegate IN community step", Firm, "POST", "/api/tasks/{newInTask}/delegate", delegateBody, 404);
        yield return new("POST tasks/{id}/delegate IN community step", StreetOut, "POST", "/api/tasks/{newInTask}/delegate", delegateBody, 404);
        yield return new("POST tasks/{id}/delegate OUT community step", Community, "POST", "/api/tasks/{newOutTask}/delegate", delegateBody, 404);
        // …but only to someone who could have taken it: a candidate whose jurisdiction covers the task (else 400).
        yield return new("POST tasks/{id}/delegate OUT to an in-jurisdiction candidate", Admin, "POST", "/api/tasks/{newOutTask}/delegate", delegateBody, 400);
        yield return new("POST tasks/{id}/delegate IN to a non-candidate", Community, "POST", "/api/tasks/{newInTask}/delegate", """{"username":"owner.li","reason":"转办测试"}""", 400);
        yield return new("POST tasks/{id}/delegate IN street step to an out-of-jurisdiction candidate", StreetIn, "POST", "/api/tasks/{newInTask2}/delegate", """{"username":"street.nanzha","reason":"转办测试"}""", 400);
        yield return new("POST tasks/{id}/delegate IN community step", Anonymous, "POST", "/api/tasks/{newInTask}/delegate", delegateBody, 401);

        // Adding comments and attachments: who sees the task (these do not move the case, so shared tasks do).
        foreach (var (suffix, what, body, created) in new[] { ("comments", "POST tasks/{id}/comments", """{"text":"已阅"}""", 201), ("attachments", "POST tasks/{id}/attachments", Png, 201) })
        {
            yield return new(what + " IN community step", Admin, "POST", $"/api/tasks/{{inTask}}/{suffix}", body, created);
            yield return new(what + " IN community step", Community, "POST", $"/api/tasks/{{inTask}}/{suffix}", body, created);
            yield return new(what + " IN community step", StreetIn, "POST", $"/api/tasks/{{inTask}}/{suffix}", body, 404);
            yield return new(what + " IN community step", Firm, "POST", $"/api/tasks/{{inTask}}/{suffix}", body, 404);
            yield return new(what + " IN community step", Owner, "POST", $"/api/tasks/{{inTask}}/{suffix}", body, 404);
            yield return new(what + " OUT community step", Community, "POST", $"/api/tasks/{{outTask}}/{suffix}", body, 404);
            yield return new(what + " IN street step", StreetIn, "POST", $"/api/tasks/{{inTask2}}/{suffix}", body, created);
            yield return new(what + " IN street step", StreetOut, "POST", $"/api/tasks/{{inTask2}}/{suffix}", body, 404);
            yield return new(what + " IN community step", Anonymous, "POST", $"/api/tasks/{{inTask}}/{suffix}", body, 401);
        }

        // Downloading an attachment: whoever reaches the case's jurisdiction.
        foreach (var user in SignedIn)
        {
            yield return new("GET attachments/{id} (case IN)", user, "GET", "/api/attachments/{attachment}", "", user != Owner && MatrixWorld.Reaches(user, MatrixWorld.Binjiang) ? 200 : 404);
        }

        yield return new("GET attachments/{id} (case IN)", Anonymous, "GET", "/api/attachments/{attachment}", "", 401);

        // ---- Messages (administrators and workers; a message may resume instances anywhere) ----
        foreach (var user in new[] { Admin, StreetIn, Community, Firm, Owner, Bureau, Department, Anonymous })
        {
            // Authorized, nothing waits for this name: 404 noSubscription.
            yield return new("POST messages", user, "POST", "/api/messages", """{"messageName":"authz-matrix-nobody-waits"}""", user switch { Admin => 404, Anonymous => 401, _ => 403 });
        }

        // ---- Signals (administrators only; a broadcast may wake instances in many places) ----
        foreach (var user in new[] { Admin, StreetIn, Community, Firm, Owner, Bureau, Department, Anonymous })
        {
            // Authorized, nobody listens to this name: 200 with nothing reached.
            yield return new("POST signals", user, "POST", "/api/signals", """{"name":"authz-matrix-nobody-listens"}""", user switch { Admin => 200, Anonymous => 401, _ => 403 });
            yield return new("POST conditions", user, "POST", "/api/conditions", """{"variables":{"authzMatrixNothingHolds":true}}""", user switch { Admin => 200, Anonymous => 401, _ => 403 });
        }

        // ---- Jobs (list: supervisors, their jurisdiction's; execute: administrators) ----
        var supervisors = new[] { Admin, StreetIn, StreetOut, Community, Station, Bureau, Department };
        foreach (var user in SignedIn)
        {
            var supervisor = supervisors.Contains(user);
            var seesIn = MatrixWorld.Reaches(user, MatrixWorld.Binjiang);
            var seesOut = MatrixWorld.Reaches(user, MatrixWorld.Xingfuli);
            yield return new("GET jobs", user, "GET", "/api/jobs", "", supervisor ? 200 : 403,
                supervisor ? $"{(seesIn ? "contains" : "excludes")}:{{inInstance}};{(seesOut ? "contains" : "excludes")}:{{outInstance}}" : "");
            yield return new("GET incidents", user, "GET", "/api/incidents", "", supervisor ? 200 : 403,
                supervisor ? $"reachable;{(seesIn ? "contains" : "excludes")}:{{inIncidentInstance}};{(seesOut ? "contains" : "excludes")}:{{outIncidentInstance}}" : "");
            yield return new("GET supervision/overdue", user, "GET", "/api/supervision/overdue", "", supervisor ? 200 : 403);
            yield return new("GET definitions/{key}/statistics", user, "GET", "/api/definitions/{definitionKey}/statistics", "", supervisor ? 200 : 403);
            if (supervisor)
            {
                yield return new("GET jobs?instanceId OUT", user, "GET", "/api/jobs?instanceId={outInstance}", "", seesOut ? 200 : 404, seesOut ? "contains:{outInstance}" : "");
                yield return new("GET jobs?instanceId IN", user, "GET", "/api/jobs?instanceId={inInstance}", "", seesIn ? 200 : 404, seesIn ? "contains:{inInstance}" : "");
                yield return new("GET incidents?instanceId OUT", user, "GET", "/api/incidents?instanceId={outIncidentInstance}", "", seesOut ? 200 : 404, seesOut ? "contains:{outIncidentInstance}" : "");
                yield return new("GET incidents?instanceId IN", user, "GET", "/api/incidents?instanceId={inIncidentInstance}", "", seesIn ? 200 : 404, seesIn ? "contains:{inIncidentInstance}" : "");
            }
        }

        yield return new("GET jobs", Anonymous, "GET", "/api/jobs", "", 401);
        yield return new("GET supervision/overdue", Anonymous, "GET", "/api/supervision/overdue", "", 401);
        yield return new("GET definitions/{key}/statistics", Anonymous, "GET", "/api/definitions/{definitionKey}/statistics", "", 401);
        yield return new("GET incidents", Anonymous, "GET", "/api/incidents", "", 401);
        foreach (var user in new[] { Admin, StreetIn, Community, Bureau, Owner, Anonymous })
        {
            var denied = user == Anonymous ? 401 : 403;
            yield return new("POST jobs/{id}/execute IN", user, "POST", "/api/jobs/{newJob}/execute", "", user == Admin ? 204 : denied);

            // No such incident: the administrator is told so (404); everyone else may not retry at all.
            yield return new("POST incidents/{id}/retry (none such)", user, "POST", "/api/incidents/{randomId}/retry", reason, user == Admin ? 404 : denied);
            yield return new("POST incidents/{id}/retry IN", user, "POST", "/api/incidents/{newIncident}/retry", reason, user == Admin ? 204 : denied);
        }

        // ---- External tasks (workers and administrators) ----
        const string fetch = """{"workerId":"authz-matrix","maxTasks":1,"topics":[{"topicName":"authz-matrix-none","lockDurationMs":1000}]}""";
        foreach (var user in new[] { Admin, StreetIn, Community, Firm, Owner, Bureau, Department, Anonymous })
        {
            var denied = user == Anonymous ? 401 : 403;
            yield return new("POST external-tasks/fetch-and-lock", user, "POST", "/api/external-tasks/fetch-and-lock", fetch, user == Admin ? 200 : denied);
            if (user != Admin)
            {
                yield return new("POST external-tasks/{id}/complete", user, "POST", "/api/external-tasks/{randomId}/complete", """{"workerId":"authz-matrix"}""", denied);
                yield return new("POST external-tasks/{id}/failure", user, "POST", "/api/external-tasks/{randomId}/failure", """{"workerId":"authz-matrix","errorMessage":"x"}""", denied);
                yield return new("POST external-tasks/{id}/bpmn-error", user, "POST", "/api/external-tasks/{randomId}/bpmn-error", """{"workerId":"authz-matrix","errorCode":"x"}""", denied);
            }
        }

        // ---- Migration (administrators only; an administrator is city-wide) ----
        const string plan = """{"sourceDefinitionId":"{definitionKey}:1","targetDefinitionId":"{definitionKey}:1"}""";
        const string batch = """{"sourceDefinitionId":"{definitionKey}:1","targetDefinitionId":"{definitionKey}:1","instanceIds":["{randomId}"],"reason":"权限矩阵测试"}""";
        foreach (var user in new[] { Admin, StreetIn, Community, Firm, Owner, Bureau, Anonymous })
        {
            var denied = user == Anonymous ? 401 : 403;
            yield return new("POST migrations/check", user, "POST", "/api/migrations/check", plan, user == Admin ? 200 : denied);
            yield return new("POST migrations", user, "POST", "/api/migrations", batch, user == Admin ? 202 : denied);
            yield return new("GET migrations/{id} (none such)", user, "GET", "/api/migrations/{randomId}", "", user == Admin ? 404 : denied);
        }
    }
}

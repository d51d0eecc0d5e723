using Anju.Host.Telemetry;
using Microsoft.AspNetCore.Http;

namespace Anju.Host.Tests.Telemetry;

public sealed class RequestLogScopeTests
{
    private static DefaultHttpContext Request(string path, string? id)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        if (id is not null)
        {
            context.Request.RouteValues["id"] = id;
        }

        return context;
    }

    [Theory]
    [InlineData("/api/tasks/abc/complete", "TaskId")]
    [InlineData("/api/instances/abc/journal", "InstanceId")]
    [InlineData("/api/jobs/abc/execute", "JobId")]
    [InlineData("/api/incidents/abc/retry", "IncidentId")]
    [InlineData("/api/external-tasks/abc/complete", "ExternalTaskId")]
    public void A_request_about_one_item_is_logged_with_its_id(string path, string name)
    {
        var scope = RequestLogScope.Describe(Request(path, "abc"));

        Assert.NotNull(scope);
        Assert.Equal("abc", scope![name]);
    }

    [Theory]
    [InlineData("/api/tasks", null)]
    [InlineData("/api/users/abc", "abc")]
    public void Other_requests_get_no_scope(string path, string? id)
    {
        Assert.Null(RequestLogScope.Describe(Request(path, id)));
    }
}

using Anju.Host.Features.Assessments;
using Anju.Host.Features.Auth;
using Anju.Host.Features.Calendar;
using Anju.Host.Features.Correlation;
using Anju.Host.Features.Definitions;
using Anju.Host.Features.ExternalTasks;
using Anju.Host.Features.Incidents;
using Anju.Host.Features.Instances;
using Anju.Host.Features.Jobs;
using Anju.Host.Features.Migrations;
using Anju.Host.Features.Notifications;
using Anju.Host.Features.Registry;
using Anju.Host.Features.Repair;
using Anju.Host.Features.Supervision;
using Anju.Host.Features.Tasks;
using Anju.Host.Features.Users;
using Anju.Host.Features.Voting;

namespace Anju.Host.Features;

/// <summary>Every area of the API, one route group each; every route needs a signed-in user unless it says otherwise.</summary>
public static class ApiEndpoints
{
    public static RouteGroupBuilder MapAnjuApi(this RouteGroupBuilder api)
    {
        api.RequireAuthorization();
        api.MapAuth();
        api.MapUsers();
        api.MapDeployments();
        api.MapDefinitions();
        api.MapInstances();
        api.MapMessages();
        api.MapJobs();
        api.MapIncidents();
        api.MapRepair();
        api.MapExternalTasks();
        api.MapTasks();
        api.MapAssessments();
        api.MapRegistry();
        api.MapNotifications();
        api.MapVoting();
        api.MapSupervision();
        api.MapMigrations();
        api.MapCalendar();
        return api;
    }
}

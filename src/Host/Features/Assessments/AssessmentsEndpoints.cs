using Anju.Host.Identity;

namespace Anju.Host.Features.Assessments;

/// <summary>The quarterly assessment (物业服务项目"红黑榜"考核): published lists, scores, firms' credit records.</summary>
public static class AssessmentsEndpoints
{
    /// <summary>Who may read scores: supervisors in their jurisdiction, firms for their own compounds.</summary>
    public static readonly IReadOnlyList<string> ScoreReaders = Policies.RolesOf[Policies.AssessmentScoreReaders];

    public static RouteGroupBuilder MapAssessments(this RouteGroupBuilder api)
    {
        var assessments = api.MapGroup("/assessments").WithTags("Assessments");
        assessments.MapGet("/{quarter}/lists", GetAssessmentLists.Handle);
        assessments.MapGet("/{quarter}/scores", GetAssessmentScores.Handle).RequireAuthorization(Policies.AssessmentScoreReaders);
        api.MapGet("/credit-records", ListCreditRecords.Handle).WithTags("Assessments")
            .RequireAuthorization(Policies.CreditRecordReaders);
        return api;
    }
}

using Anju.Host.Procedures;

namespace Anju.Host.Features.Assessments;

/// <summary>The quarterly assessment's service tasks (红黑榜): compounds to assess, scores, lists, objections.</summary>
public static class AssessmentsSetup
{
    public static WebApplicationBuilder AddAnjuAssessments(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services
            .AddServiceTaskHandler<ListManagedCompounds>(ListManagedCompounds.Name)
            .AddServiceTaskHandler<ComputeAssessmentScore>(ComputeAssessmentScore.Name)
            .AddServiceTaskHandler<PublishAssessmentLists>(PublishAssessmentLists.Name)
            .AddServiceTaskHandler<AnswerAssessmentObjection>(AnswerAssessmentObjection.Name);
        return builder;
    }
}

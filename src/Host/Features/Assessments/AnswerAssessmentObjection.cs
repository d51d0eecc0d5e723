using System.Text.Json.Nodes;
using Anju.Host.Notices;
using Anju.Host.Procedures;
using Anju.Workflows.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Assessments;

/// <summary>
/// <c>answerAssessmentObjection</c>: records the answer to a firm's objection (异议) against its compound's quarterly
/// score before the lists are published. Reads <c>objectionEntry</c> (<c>{compound, compoundName, score}</c>, the
/// multi-instance element), <c>objectionDecision</c> (<c>uphold</c> 维持 / <c>correct</c> 更正), <c>correctedScore</c>
/// (0–100, for a correction) and <c>objectionAnswer</c>. A correction rewrites the compound's composite score: the
/// difference is added to the bureau's adjustment, the reason becomes the answer and the adjuster whoever completed the
/// answer (the command's actor: the handler runs in that completion, so the variables are this objection's own even
/// when several firms' objections are answered in parallel). Either way the compound's firm (the
/// <c>property-firm</c> holders covering the compound) is told the answer. The lists published after the period rank
/// the corrected scores.
/// </summary>
public sealed class AnswerAssessmentObjection : IServiceTaskHandler
{
    public const string Name = "answerAssessmentObjection";

    public async ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var entry = context.GetVariable("objectionEntry") as JsonObject
            ?? throw new InvalidOperationException("answerAssessmentObjection needs the variable 'objectionEntry'.");
        var compound = HandlerValues.AsText(entry["compound"]) ?? throw new InvalidOperationException("objectionEntry has no compound.");
        var quarter = context.VariableText("quarter") ?? throw new InvalidOperationException("answerAssessmentObjection needs the variable 'quarter'.");
        var decision = context.VariableText("objectionDecision");
        var answer = context.VariableText("objectionAnswer")?.Trim();
        if (answer is not { Length: > 0 })
        {
            throw new InvalidOperationException("answerAssessmentObjection needs the variable 'objectionAnswer'.");
        }

        await using var db = await context.HostDbAsync(cancellationToken);
        var row = await db.Set<AssessmentScore>().FirstOrDefaultAsync(s => s.Quarter == quarter && s.CompoundPath == compound, cancellationToken)
            ?? throw new BpmnErrorException("unknown-score", $"No score of {compound} for {quarter}.");
        var corrected = decision == "correct";
        if (corrected)
        {
            var score = HandlerValues.ToNumber(context.GetVariable("correctedScore"));
            if (score is not { } value || value < 0 || value > 100)
            {
                throw new BpmnErrorException("corrected-score-missing", "A correction needs the corrected score (0–100).");
            }

            row.Adjustment += value - row.CompositeScore;
            row.CompositeScore = value;
            row.AdjustmentReason = $"异议更正：{answer}";
            row.AdjustedBy = context.Actor;
            row.ComputedAt = context.Now.UtcDateTime;
        }

        var name = HandlerValues.AsText(entry["compoundName"]) ?? compound;
        db.Notifications.AddRange((await Recipients.OfGroupAsync(db, "property-firm", compound, cancellationToken)).Select(username => new Notification
        {
            Id = Guid.CreateVersion7(context.Now),
            Username = username,
            Kind = "result",
            Title = $"{quarter} 物业服务项目考核异议答复：{name}",
            Body = corrected ? $"异议成立，综合得分更正为 {row.CompositeScore}：{answer}" : $"维持原考核结果：{answer}",
            InstanceId = context.InstanceId,
            CreatedAt = context.Now.UtcDateTime,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }
}

using System.Text.Json.Nodes;
using Anju.Host.Features.Assessments;
using Anju.Host.Procedures;
using Anju.Workflows.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Assessments;

/// <summary>
/// <c>publishAssessmentLists</c>: ranks every compound scored for <c>quarter</c> city-wide (<see cref="Ranking"/>),
/// with <c>redShare</c> and <c>blackShare</c> from the extension properties; (re)writes the quarter's published
/// ranking; sets <c>redList</c>, <c>blackList</c> (arrays of <c>{compound, compoundName, firm, streetPath, rank,
/// score}</c>) and <c>blackRepeated</c>: one <c>{firm, compound, compoundName, streetPath, times, quarters}</c> per
/// compound on this quarter's black list whose firm was black-listed (any of its compounds) in at least
/// <c>repeatTimes</c> of the last <c>repeatWindow</c> quarters, this one included (多次列入黑榜, §14; extension
/// properties, 2 and 4 in the shipped file: twice within a year); writes a credit record (§15) for each. With the
/// extension property <c>stage</c> = <c>provisional</c> it only ranks, setting <c>provisionalRed</c> and
/// <c>provisionalBlack</c> for the objection period, and writes nothing.
/// </summary>
public sealed class PublishAssessmentLists : IServiceTaskHandler
{
    public const string Name = "publishAssessmentLists";

    /// <summary>The extension property <c>stage</c> with this value ranks without publishing (before the objection period).</summary>
    public const string ProvisionalStage = "provisional";

    public async ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var quarter = Quarter.Parse(context.VariableText("quarter") ?? throw new InvalidOperationException("publishAssessmentLists needs the variable 'quarter'."));
        var redShare = context.Number("redShare");
        var blackShare = context.Number("blackShare");
        var key = quarter.ToString();
        var previousKey = quarter.Previous.ToString();
        var now = context.Now.UtcDateTime;

        await using var db = await context.HostDbAsync(cancellationToken);
        var scores = await db.Set<AssessmentScore>().AsNoTracking().Where(s => s.Quarter == key).ToListAsync(cancellationToken);
        var byPath = scores.ToDictionary(s => s.CompoundPath, StringComparer.Ordinal);
        var ranked = Ranking.Rank([.. scores.Select(s => new Ranking.Entry(s.CompoundPath, s.CompositeScore, s.ComplaintCount))], redShare, blackShare);

        if (context.Text("stage") == ProvisionalStage)
        {
            // Before the objection period (异议期): the ranking as it stands, for the firms to see and object to; nothing
            // is published or recorded yet.
            context.SetVariable("provisionalRed", List(ranked, byPath, AssessmentLists.Red));
            context.SetVariable("provisionalBlack", List(ranked, byPath, AssessmentLists.Black));
            context.SetVariable("rankedCount", ranked.Count);
            return;
        }

        await db.Set<AssessmentListEntry>().Where(e => e.Quarter == key).ExecuteDeleteAsync(cancellationToken);
        db.Set<AssessmentListEntry>().AddRange(ranked.Select(r => byPath[r.Entry.Compound] switch
        {
            var s => new AssessmentListEntry
            {
                Quarter = key,
                CompoundPath = s.CompoundPath,
                CompoundName = s.CompoundName,
                PropertyFirm = s.PropertyFirm,
                StreetPath = s.StreetPath,
                Rank = r.Rank,
                CompositeScore = s.CompositeScore,
                List = r.List,
                InstanceId = context.InstanceId,
                PublishedAt = now,
            },
        }));

        // The window's earlier quarters, newest first; this quarter's entries are the ones just ranked.
        var repeatTimes = (int)context.Number("repeatTimes");
        var repeatWindow = (int)context.Number("repeatWindow");
        if (repeatTimes < 1 || repeatWindow < 1)
        {
            throw new InvalidOperationException($"Service task '{context.ActivityId}': repeatTimes and repeatWindow must be at least 1.");
        }

        var earlier = new List<string>();
        var back = quarter.Previous;
        for (var i = 1; i < repeatWindow; i++, back = back.Previous)
        {
            earlier.Add(back.ToString());
        }

        var earlierBlack = (await db.Set<AssessmentListEntry>().AsNoTracking()
                .Where(e => earlier.Contains(e.Quarter) && e.List == AssessmentLists.Black && e.PropertyFirm != null)
                .Select(e => new { Firm = e.PropertyFirm!, e.Quarter })
                .ToListAsync(cancellationToken))
            .GroupBy(e => e.Firm, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Quarter).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var repeated = ranked
            .Where(r => r.List == AssessmentLists.Black)
            .Select(r => byPath[r.Entry.Compound])
            .Where(s => s.PropertyFirm is not null)
            .Select(s => (Score: s, Quarters: (List<string>)[key, .. earlierBlack.GetValueOrDefault(s.PropertyFirm!) ?? []]))
            .Where(x => x.Quarters.Count >= repeatTimes)
            .ToList();

        var existing = (await db.Set<CreditRecord>().AsNoTracking()
                .Where(c => c.Quarter == key && c.Kind == CreditRecordKinds.BlackListRepeated)
                .Select(c => c.Firm + "|" + c.CompoundPath)
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (s, quarters) in repeated.Where(x => !existing.Contains(x.Score.PropertyFirm + "|" + x.Score.CompoundPath)))
        {
            db.Set<CreditRecord>().Add(new CreditRecord
            {
                Id = Guid.NewGuid(),
                Firm = s.PropertyFirm!,
                Kind = CreditRecordKinds.BlackListRepeated,
                Quarter = key,
                CompoundPath = s.CompoundPath,
                StreetPath = s.StreetPath,
                Reason = $"{s.PropertyFirm} 服务的{s.CompoundName}列入 {key} 物业服务项目黑榜，近 {repeatWindow} 个季度内第 {quarters.Count} 次列入黑榜（{string.Join("、", quarters.Order(StringComparer.Ordinal))}；§14、§15）。",
                InstanceId = context.InstanceId,
                RecordedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);

        context.SetVariable("redList", List(ranked, byPath, AssessmentLists.Red));
        context.SetVariable("blackList", List(ranked, byPath, AssessmentLists.Black));
        context.SetVariable("blackRepeated", new JsonArray([.. repeated.Select(x => (JsonNode?)new JsonObject
        {
            ["firm"] = x.Score.PropertyFirm,
            ["compound"] = x.Score.CompoundPath,
            ["compoundName"] = x.Score.CompoundName,
            ["streetPath"] = x.Score.StreetPath,
            ["times"] = x.Quarters.Count,
            ["quarters"] = new JsonArray([.. x.Quarters.Order(StringComparer.Ordinal).Select(q => (JsonNode?)q)]),
        })]));
        context.SetVariable("rankedCount", ranked.Count);
    }

    private static JsonArray List(IReadOnlyList<Ranking.Ranked> ranked, Dictionary<string, AssessmentScore> byPath, string list) =>
        new([.. ranked.Where(r => r.List == list).Select(r => (JsonNode?)new JsonObject
        {
            ["compound"] = r.Entry.Compound,
            ["compoundName"] = byPath[r.Entry.Compound].CompoundName,
            ["firm"] = byPath[r.Entry.Compound].PropertyFirm,
            ["streetPath"] = byPath[r.Entry.Compound].StreetPath,
            ["rank"] = r.Rank,
            ["score"] = r.Entry.Score,
        })]);
}

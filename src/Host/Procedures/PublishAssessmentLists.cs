using System.Text.Json.Nodes;
using Anju.Host.Assessment;
using Anju.Workflows.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Procedures;

/// <summary>
/// <c>publishAssessmentLists</c>: ranks every compound scored for <c>quarter</c> city-wide (<see cref="Ranking"/>),
/// with <c>redShare</c> and <c>blackShare</c> from the extension properties; (re)writes the quarter's published
/// ranking; sets <c>redList</c>, <c>blackList</c> (arrays of <c>{compound, compoundName, firm, streetPath, rank,
/// score}</c>) and <c>blackTwice</c>: one <c>{firm, compound, compoundName, streetPath}</c> per compound on this
/// quarter's black list whose firm was also on the previous quarter's black list; writes a credit record for each.
/// </summary>
public sealed class PublishAssessmentLists : IServiceTaskHandler
{
    public const string Name = "publishAssessmentLists";

    public async ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var quarter = Quarter.Parse(context.VariableText("quarter") ?? throw new InvalidOperationException("publishAssessmentLists needs the variable 'quarter'."));
        var redShare = context.Number("redShare");
        var blackShare = context.Number("blackShare");
        var key = quarter.ToString();
        var previousKey = quarter.Previous.ToString();
        var now = context.Now.UtcDateTime;

        await using var db = await context.HostDbAsync(cancellationToken);
        var scores = await db.AssessmentScores.AsNoTracking().Where(s => s.Quarter == key).ToListAsync(cancellationToken);
        var byPath = scores.ToDictionary(s => s.CompoundPath, StringComparer.Ordinal);
        var ranked = Ranking.Rank([.. scores.Select(s => new Ranking.Entry(s.CompoundPath, s.CompositeScore, s.ComplaintCount))], redShare, blackShare);

        await db.AssessmentListEntries.Where(e => e.Quarter == key).ExecuteDeleteAsync(cancellationToken);
        db.AssessmentListEntries.AddRange(ranked.Select(r => byPath[r.Entry.Compound] switch
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

        var previousBlackFirms = (await db.AssessmentListEntries.AsNoTracking()
                .Where(e => e.Quarter == previousKey && e.List == AssessmentLists.Black && e.PropertyFirm != null)
                .Select(e => e.PropertyFirm!)
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var twice = ranked
            .Where(r => r.List == AssessmentLists.Black)
            .Select(r => byPath[r.Entry.Compound])
            .Where(s => s.PropertyFirm is { } firm && previousBlackFirms.Contains(firm))
            .ToList();

        var existing = (await db.CreditRecords.AsNoTracking()
                .Where(c => c.Quarter == key && c.Kind == CreditRecordKinds.BlackListTwice)
                .Select(c => c.Firm + "|" + c.CompoundPath)
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var s in twice.Where(s => !existing.Contains(s.PropertyFirm + "|" + s.CompoundPath)))
        {
            db.CreditRecords.Add(new CreditRecord
            {
                Id = Guid.NewGuid(),
                Firm = s.PropertyFirm!,
                Kind = CreditRecordKinds.BlackListTwice,
                Quarter = key,
                CompoundPath = s.CompoundPath,
                StreetPath = s.StreetPath,
                Reason = $"{s.PropertyFirm} 服务的{s.CompoundName}在 {previousKey}、{key} 连续两个季度列入物业服务项目黑榜（§15）。",
                InstanceId = context.InstanceId,
                RecordedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);

        context.SetVariable("redList", List(ranked, byPath, AssessmentLists.Red));
        context.SetVariable("blackList", List(ranked, byPath, AssessmentLists.Black));
        context.SetVariable("blackTwice", new JsonArray([.. twice.Select(s => (JsonNode?)new JsonObject
        {
            ["firm"] = s.PropertyFirm,
            ["compound"] = s.CompoundPath,
            ["compoundName"] = s.CompoundName,
            ["streetPath"] = s.StreetPath,
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

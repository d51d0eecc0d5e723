using System.Text.Json.Nodes;
using Anju.Host.Features.Assessments;
using Anju.Host.Procedures;
using Anju.Workflows.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Features.Assessments;

/// <summary>
/// <c>listManagedCompounds</c>: the compounds with a property firm (the quarterly assessment's subjects), in
/// path order, as <c>compounds</c>; and <c>quarter</c>, the quarter assessed: the one given at start (an
/// administrator assessing a quarter on demand) or else the quarter before today's (the cron start runs on
/// the first working day of a quarter and assesses the one that just ended).
/// </summary>
public sealed class ListManagedCompounds : IServiceTaskHandler
{
    public const string Name = "listManagedCompounds";

    public async ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var given = context.VariableText("quarter");
        if (!string.IsNullOrWhiteSpace(given) && !Quarter.TryParse(given, out _))
        {
            throw new BpmnErrorException("invalid-quarter", $"'{given}' is not a quarter like 2026Q2.");
        }

        var quarter = Quarter.TryParse(given, out var parsed) ? parsed : Quarter.Of(context.Now).Previous;
        await using var db = await context.HostDbAsync(cancellationToken);
        var compounds = await db.Compounds.AsNoTracking()
            .Where(c => c.PropertyFirm != null && c.PropertyFirm != "")
            .OrderBy(c => c.Path)
            .Select(c => c.Path)
            .ToListAsync(cancellationToken);
        context.SetVariable("compounds", new JsonArray([.. compounds.Select(c => (JsonNode?)JsonValue.Create(c))]));
        context.SetVariable("quarter", quarter.ToString());
    }
}

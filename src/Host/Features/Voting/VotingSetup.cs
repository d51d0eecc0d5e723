using Anju.Host.Notices;
using Anju.Host.Procedures;
using Anju.Host.Seeding;

namespace Anju.Host.Features.Voting;

/// <summary>Owners' voting: the openBallot and shareCostByArea service tasks, the closer and its deadline scan, the demo register.</summary>
public static class VotingSetup
{
    public static WebApplicationBuilder AddAnjuVoting(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddServiceTaskHandler<OpenBallot>(OpenBallot.Name);
        builder.Services.AddServiceTaskHandler<ShareCostByArea>(ShareCostByArea.Name);
        builder.Services.AddSingleton<ISeedContributor, VotingDemoData>();
        builder.Services.AddSingleton<IBallotLinks, BallotLinks>();
        builder.Services.AddSingleton<BallotCloser>();
        builder.Services.AddHostedService<BallotClosingService>();
        return builder;
    }
}

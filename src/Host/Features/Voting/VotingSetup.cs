using Anju.Host.Procedures;

namespace Anju.Host.Features.Voting;

/// <summary>Owners' voting: the openBallot service task, the closer and its deadline scan.</summary>
public static class VotingSetup
{
    public static WebApplicationBuilder AddAnjuVoting(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddServiceTaskHandler<OpenBallot>(OpenBallot.Name);
        builder.Services.AddSingleton<BallotCloser>();
        builder.Services.AddHostedService<BallotClosingService>();
        return builder;
    }
}

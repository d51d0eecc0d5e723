namespace Anju.Host.Features.Voting;

/// <summary>An owner's answer to one question. Abstaining still counts as taking part.</summary>
public enum Answer
{
    Agree,
    Disagree,
    Abstain,
}

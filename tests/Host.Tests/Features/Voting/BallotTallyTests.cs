using Anju.Host.Features.Voting;
using static Anju.Host.Features.Voting.BallotTally;

namespace Anju.Host.Tests.Features.Voting;

public sealed class BallotTallyTests
{
    private static readonly Question Ordinary = new("q", Matter.Ordinary);
    private static readonly Question Major = new("q", Matter.Major);

    /// <summary>Owners o1..oN with 100 m² each.</summary>
    private static List<Elector> Owners(int count, decimal area = 100m) =>
        [.. Enumerable.Range(1, count).Select(i => new Elector($"o{i}", area))];

    private static Vote Says(string owner, Answer answer) => new(owner, new Dictionary<string, Answer> { ["q"] = answer });

    private static List<Vote> Votes(int agree, int disagree = 0, int abstain = 0, int from = 1) =>
    [
        .. Enumerable.Range(from, agree).Select(i => Says($"o{i}", Answer.Agree)),
        .. Enumerable.Range(from + agree, disagree).Select(i => Says($"o{i}", Answer.Disagree)),
        .. Enumerable.Range(from + agree + disagree, abstain).Select(i => Says($"o{i}", Answer.Abstain)),
    ];

    [Fact]
    public void Exactly_two_thirds_of_area_and_owners_taking_part_is_a_quorum()
    {
        var result = Count(Owners(6), [Ordinary], Votes(agree: 4));

        Assert.Equal(400m, result.TurnoutArea);
        Assert.Equal(4, result.TurnoutHeadcount);
        Assert.True(result.Quorum);
        Assert.True(result.Approved);
    }

    [Fact]
    public void Just_under_two_thirds_of_the_area_is_no_quorum_even_with_two_thirds_of_the_owners()
    {
        // 6 owners, 600.00 m²; the four taking part hold 399.99 m² (one has 99.99).
        var electors = Owners(6);
        electors[0] = new Elector("o1", 99.99m);
        electors[5] = new Elector("o6", 100.01m);

        var result = Count(electors, [Ordinary], Votes(agree: 4));

        Assert.Equal(600m, result.EligibleArea);
        Assert.Equal(399.99m, result.TurnoutArea);
        Assert.False(result.Quorum);
        Assert.False(result.Questions[0].Approved);
        Assert.False(result.Approved);
    }

    [Fact]
    public void Two_thirds_of_the_area_but_under_two_thirds_of_the_owners_is_no_quorum()
    {
        // 9 owners; the 5 taking part hold 2/3 of the area exactly but are 5/9 < 2/3 of the owners.
        List<Elector> electors = [new("big1", 300m), new("big2", 300m), new("big3", 200m), new("o4", 100m), new("o5", 100m), .. Enumerable.Range(6, 4).Select(i => new Elector($"o{i}", 50m))];
        List<Vote> votes = [Says("big1", Answer.Agree), Says("big2", Answer.Agree), Says("o4", Answer.Agree), Says("o5", Answer.Agree), Says("o6", Answer.Agree)];

        var result = Count(electors, [Ordinary], votes);

        Assert.Equal(1200m, result.EligibleArea);
        Assert.Equal(850m, result.TurnoutArea);
        Assert.True(AtLeast(result.TurnoutArea, result.EligibleArea, 2, 3));
        Assert.Equal(5, result.TurnoutHeadcount);
        Assert.False(result.Quorum);
    }

    [Fact]
    public void An_owner_with_three_units_counts_once_by_headcount_and_with_all_their_area()
    {
        // li holds three units (89.5 + 89.5 + 120 m²); the register gives one entry per unit.
        List<Elector> electors =
        [
            new("li", 89.5m), new("li", 89.5m), new("li", 120m),
            new("wang", 89.5m), new("zhang", 89.5m), new("liu", 120m),
        ];
        List<Vote> votes = [Says("li", Answer.Agree), Says("wang", Answer.Disagree), Says("zhang", Answer.Disagree)];

        var result = Count(electors, [Ordinary], votes);

        Assert.Equal(4, result.EligibleHeadcount);
        Assert.Equal(598m, result.EligibleArea);
        Assert.Equal(3, result.TurnoutHeadcount);
        Assert.Equal(478m, result.TurnoutArea);
        Assert.True(result.Quorum);
        Assert.Equal(1, result.Questions[0].AgreeHeadcount);
        Assert.Equal(299m, result.Questions[0].AgreeArea);

        // 299 of 478 m² is more than half, but li is one owner of three taking part (counted as three
        // heads it would be 3 of 5 and pass).
        Assert.False(result.Questions[0].Approved);
    }

    [Fact]
    public void A_second_paper_by_the_same_owner_and_papers_of_non_electors_are_not_counted()
    {
        var result = Count(Owners(3), [Ordinary], [Says("o1", Answer.Agree), Says("o1", Answer.Disagree), Says("stranger", Answer.Agree), Says("o2", Answer.Agree)]);

        Assert.Equal(2, result.TurnoutHeadcount);
        Assert.Equal(2, result.Questions[0].AgreeHeadcount);
        Assert.Equal(0, result.Questions[0].DisagreeHeadcount);
        Assert.True(result.Quorum);
    }

    [Fact]
    public void Exactly_half_does_not_pass_an_ordinary_matter()
    {
        var result = Count(Owners(4), [Ordinary], Votes(agree: 2, disagree: 2));

        Assert.True(result.Quorum);
        Assert.Equal(200m, result.Questions[0].AgreeArea);
        Assert.False(result.Questions[0].Approved);
    }

    [Fact]
    public void More_than_half_by_area_and_by_owners_passes_an_ordinary_matter()
    {
        var result = Count(Owners(5), [Ordinary], Votes(agree: 3, disagree: 2));

        Assert.True(result.Questions[0].Approved);
        Assert.True(result.Approved);
    }

    [Fact]
    public void More_than_half_of_the_area_but_only_half_of_the_owners_does_not_pass()
    {
        List<Elector> electors = [new("a", 300m), new("b", 100m), new("c", 100m), new("d", 100m)];
        List<Vote> votes = [Says("a", Answer.Agree), Says("b", Answer.Agree), Says("c", Answer.Disagree), Says("d", Answer.Disagree)];

        var result = Count(electors, [Ordinary], votes);

        Assert.Equal(400m, result.Questions[0].AgreeArea); // 400 of 600: more than half
        Assert.Equal(2, result.Questions[0].AgreeHeadcount); // 2 of 4: not more than half
        Assert.False(result.Questions[0].Approved);
    }

    [Fact]
    public void Exactly_three_quarters_passes_a_major_matter()
    {
        var result = Count(Owners(8), [Major], Votes(agree: 6, disagree: 2));

        Assert.True(result.Quorum);
        Assert.True(result.Questions[0].Approved);
    }

    [Fact]
    public void Just_under_three_quarters_fails_a_major_matter_that_would_pass_as_ordinary()
    {
        // 8 owners all take part; 6 agree but one of them holds 99.99 m²: 599.99 of 800 m² < 3/4.
        var electors = Owners(8);
        electors[0] = new Elector("o1", 99.99m);
        electors[7] = new Elector("o8", 100.01m);

        var major = Count(electors, [Major], Votes(agree: 6, disagree: 2));
        var ordinary = Count(electors, [Ordinary], Votes(agree: 6, disagree: 2));

        Assert.Equal(599.99m, major.Questions[0].AgreeArea);
        Assert.False(major.Questions[0].Approved);
        Assert.True(ordinary.Questions[0].Approved);
    }

    [Fact]
    public void Three_quarters_of_the_area_but_under_three_quarters_of_the_owners_fails_a_major_matter()
    {
        List<Elector> electors = [new("a", 500m), new("b", 100m), new("c", 100m), new("d", 100m)];
        List<Vote> votes = [Says("a", Answer.Agree), Says("b", Answer.Agree), Says("c", Answer.Disagree), Says("d", Answer.Disagree)];

        var result = Count(electors, [Major], votes);

        Assert.True(AtLeast(result.Questions[0].AgreeArea, result.TurnoutArea, 3, 4));
        Assert.False(result.Questions[0].Approved);
    }

    [Fact]
    public void Abstentions_count_as_taking_part_and_against_the_majority()
    {
        // 6 owners take part: 3 agree, 3 abstain. Quorum yes; 3 of 6 is not more than half.
        var result = Count(Owners(6), [Ordinary], Votes(agree: 3, abstain: 3));

        Assert.True(result.Quorum);
        Assert.Equal(6, result.TurnoutHeadcount);
        Assert.Equal(3, result.Questions[0].AbstainHeadcount);
        Assert.Equal(300m, result.Questions[0].AbstainArea);
        Assert.False(result.Questions[0].Approved);
    }

    [Fact]
    public void Several_questions_are_counted_each_and_the_ballot_passes_only_when_all_do()
    {
        var electors = Owners(3);
        List<Question> questions = [new("rules", Matter.Ordinary), new("raiseFund", Matter.Major)];
        List<Vote> votes =
        [
            new("o1", new Dictionary<string, Answer> { ["rules"] = Answer.Agree, ["raiseFund"] = Answer.Agree }),
            new("o2", new Dictionary<string, Answer> { ["rules"] = Answer.Agree, ["raiseFund"] = Answer.Agree }),
            new("o3", new Dictionary<string, Answer> { ["rules"] = Answer.Agree, ["raiseFund"] = Answer.Disagree }),
        ];

        var result = Count(electors, questions, votes);

        Assert.True(result.Questions[0].Approved);
        Assert.False(result.Questions[1].Approved); // 2 of 3 < 3/4
        Assert.False(result.Approved);
    }

    [Fact]
    public void Nobody_voting_is_no_quorum_and_nothing_passes()
    {
        var result = Count(Owners(3), [Ordinary], []);

        Assert.False(result.Quorum);
        Assert.Equal(0, result.TurnoutHeadcount);
        Assert.False(result.Questions[0].Approved);
    }
}

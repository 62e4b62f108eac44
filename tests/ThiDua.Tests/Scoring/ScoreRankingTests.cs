using ThiDua.Features.Scoring;

namespace ThiDua.Tests.Scoring;

/// <summary>The pure rules: ranking with tie-breaks, the maxima of groups, score values typed the Vietnamese way.</summary>
public sealed class ScoreRankingTests
{
    private static readonly IReadOnlyList<TieBreak> Default = ScoreRanking.ParseTieBreaks(ScoreRanking.DefaultTieBreaks);

    [Fact]
    public void Rank_EqualTotals_HigherRegularFirst()
    {
        var ranked = ScoreRanking.Rank([new(1, "A", 90, 5, 0), new(2, "B", 92, 3, 0)], Default);
        Assert.Equal([2, 1], ranked.Select(r => r.Card.UnitId));
        Assert.Equal([1, 2], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Rank_EqualTotalsAndRegular_FewerPenaltyFirst()
    {
        // Same total 93 and regular 95: A has 2 bonus and 4 penalty, B 1 bonus and 3 penalty.
        var ranked = ScoreRanking.Rank([new(1, "A", 95, 2, 4), new(2, "B", 95, 1, 3)], Default);
        Assert.Equal([2, 1], ranked.Select(r => r.Card.UnitId));
    }

    [Fact]
    public void Rank_RulesInAnotherOrder_BonusBeforePenalty()
    {
        var rules = ScoreRanking.ParseTieBreaks("HigherBonus,FewerPenalty");
        var ranked = ScoreRanking.Rank([new(1, "A", 95, 2, 4), new(2, "B", 95, 1, 3)], rules);
        Assert.Equal([1, 2], ranked.Select(r => r.Card.UnitId));
    }

    [Fact]
    public void Rank_EqualOnEveryRule_SharedRankAndNextSkips()
    {
        var ranked = ScoreRanking.Rank([new(3, "C", 80, 0, 0), new(2, "B", 90, 1, 1), new(1, "A", 90, 1, 1)], Default);
        Assert.Equal([(1, 1, true), (2, 1, true), (3, 3, false)], ranked.Select(r => (r.Card.UnitId, r.Rank, r.SharedRank)));
    }

    [Fact]
    public void Rank_NoRules_EqualTotalsShare()
    {
        var ranked = ScoreRanking.Rank([new(1, "A", 95, 2, 4), new(2, "B", 92, 1, 0)], []);
        Assert.All(ranked, r => Assert.Equal(1, r.Rank));
    }

    [Fact]
    public void ParseTieBreaks_UnknownOrRepeatedNames_AreDropped()
    {
        Assert.Equal([TieBreak.FewerPenalty, TieBreak.HigherBonus], ScoreRanking.ParseTieBreaks("FewerPenalty,Bogus,FewerPenalty,HigherBonus,7"));
    }

    [Fact]
    public void MaximaProblems_CriteriaAboveGroup_NamesTheGroup()
    {
        var problems = ScoreRanking.MaximaProblems([("Công tác khối", 10m, [5m, 5.5m]), ("Nhiệm vụ", 50m, [20m, 30m])]);
        Assert.Equal(["Nhóm \"Công tác khối\": tổng điểm tối đa của các tiêu chí (10,5) vượt điểm tối đa của nhóm (10)."], problems);
    }

    [Theory]
    [InlineData("12,5", "12.5")]
    [InlineData("12.5", "12.5")]
    [InlineData(" 7 ", "7")]
    [InlineData("0", "0")]
    [InlineData("1000", "1000")]
    public void PointsTryParse_VietnameseOrDotDecimal_Accepted(string text, string expected)
    {
        Assert.True(Points.TryParse(text, out var v));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), v);
    }

    [Theory]
    [InlineData("12,3")]
    [InlineData("-1")]
    [InlineData("1.000,5")]
    [InlineData("1e3")]
    [InlineData("1000,5")]
    [InlineData("abc")]
    [InlineData(",5")]
    [InlineData("99999999999999999999")]
    public void PointsTryParse_NotAHalfStepOrOutOfBounds_Refused(string text) => Assert.False(Points.TryParse(text, out _));

    [Fact]
    public void PointsFormat_HalfAndWhole_VietnameseComma() => Assert.Equal(("12,5", "50", "—"), (Points.Format(12.5m), Points.Format(50m), Points.Format(null)));

    [Fact]
    public void Rotation_EachCheckedByTheNext_NeverItself()
    {
        var r = ScoringService.Rotation([(10, 1, "B"), (11, 2, "A"), (12, 3, "C")]);
        Assert.Equal(3, r[10]);
        Assert.Equal(1, r[11]);
        Assert.Equal(2, r[12]);
    }
}

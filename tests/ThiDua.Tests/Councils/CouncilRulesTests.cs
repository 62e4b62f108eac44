using ThiDua.Features.Councils;

namespace ThiDua.Tests.Councils;

public sealed class CouncilRulesTests
{
    [Theory]
    [InlineData(9, 10, true)]
    [InlineData(8, 10, false)]
    [InlineData(10, 11, true)]
    [InlineData(9, 11, false)]
    public void Threshold_NinetyPercentOverAllMembers_AtLeastWithoutRounding(int agree, int members, bool passes) =>
        Assert.Equal(passes, CouncilRules.ThresholdMet(agree, members, 90, moreThan: false));

    [Theory]
    [InlineData(5, 10, false)]
    [InlineData(6, 10, true)]
    [InlineData(3, 5, true)]
    [InlineData(2, 5, false)]
    public void Threshold_MoreThanHalf_Strict(int agree, int members, bool passes) =>
        Assert.Equal(passes, CouncilRules.ThresholdMet(agree, members, 50, moreThan: true));

    [Theory]
    [InlineData(7, 10, true)]
    [InlineData(6, 10, false)]
    [InlineData(2, 3, true)]
    [InlineData(4, 5, true)]
    [InlineData(3, 5, false)]
    public void Quorum_TwoThirds_ComparedInIntegers(int attending, int members, bool met) =>
        Assert.Equal(met, CouncilRules.QuorumMet(attending, members, 2, 3));

    [Fact]
    public void ThresholdFor_Defaults_NinetyForCstdBoAndCstdtqMoreThanHalfOtherwise()
    {
        var rows = CouncilRules.Defaults().ToList();
        Assert.Equal((90m, false), (CouncilRules.ThresholdFor(rows, "CSTD_BO").Percent, CouncilRules.ThresholdFor(rows, "CSTD_BO").MoreThan));
        Assert.Equal(90m, CouncilRules.ThresholdFor(rows, "CSTDTQ").Percent);
        Assert.Equal((50m, true, CouncilRules.RegulationSource), CouncilRules.ThresholdFor(rows, "BK_BO"));
        Assert.Contains("91/2017", CouncilRules.ThresholdFor(rows, "CSTD_BO").Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Count_RecusedMemberStaysInTheBase_CountsAsNotAgreeing()
    {
        // 10 members, 1 recused, 9 agree: 9/10 = 90% passes; with 2 recused and 8 agreeing it fails.
        var nine = CouncilRules.Count(10, Enumerable.Repeat(CouncilChoice.Agree, 9).ToList(), 1, 10, 2, 3, 90, false);
        Assert.True(nine.Passed);
        var eight = CouncilRules.Count(10, Enumerable.Repeat(CouncilChoice.Agree, 8).ToList(), 2, 10, 2, 3, 90, false);
        Assert.False(eight.Passed);
        var noQuorum = CouncilRules.Count(10, Enumerable.Repeat(CouncilChoice.Agree, 6).ToList(), 0, 6, 2, 3, 50, true);
        Assert.False(noQuorum.QuorumMet);
        Assert.False(noQuorum.Passed);
    }
}

using ThiDua.Features.Nominations;
using ThiDua.Features.Nominations.Workflow;

namespace ThiDua.Tests.Nominations.Workflow;

/// <summary>The pure parts: which forms go to public comment, who handles a dossier, the moves table.</summary>
public sealed class WorkflowRulesTests
{
    [Theory]
    [InlineData("CSTDTQ", true)]
    [InlineData("HC_LD3", true)]
    [InlineData("AH_LD", true)]
    [InlineData("BK_BO", false)]
    [InlineData("CSTDCS", false)]
    [InlineData("TTLDXS", false)]
    [InlineData("HC", false)]
    public void Requires_Code_MatchesTheTable(string code, bool expected) => Assert.Equal(expected, PublicCommentForms.Requires(code));

    [Fact]
    public void Table_EveryRow_NamesItsSourceAndVerification() =>
        Assert.All(PublicCommentForms.Table, r => Assert.Matches("[🟡✅❌]", r.Source));

    [Fact]
    public void IsHandler_BlocLevel_OnlyTheBlocSecretariat()
    {
        var n = new Nomination { Code = "BK_BO", CreatedBy = "x", AgencyId = 5, Level = NominationLevel.Bloc };
        Assert.True(new WorkflowAccess(false, true, false, false, 9).IsHandler(n));
        Assert.True(new WorkflowAccess(true, false, false, false, 9).IsHandler(n));
        Assert.False(new WorkflowAccess(false, false, true, true, 5).IsHandler(n));
    }

    [Fact]
    public void IsHandler_AgencyLevel_OnlyThatAgencysCouncilSecretariatOrAdmin()
    {
        var n = new Nomination { Code = "CSTDCS", CreatedBy = "x", AgencyId = 5, Level = NominationLevel.Agency };
        Assert.True(new WorkflowAccess(false, false, true, true, 5).IsHandler(n));
        Assert.False(new WorkflowAccess(false, false, true, true, 6).IsHandler(n));
        Assert.False(new WorkflowAccess(false, false, false, true, 5).IsHandler(n));
        Assert.False(new WorkflowAccess(false, true, false, false, 9).IsHandler(n));
        Assert.True(new WorkflowAccess(true, false, false, false, 9).IsHandler(n));
    }

    [Fact]
    public void IsOwner_OfficerOfAnotherAgency_IsNot()
    {
        var n = new Nomination { Code = "CSTDCS", CreatedBy = "x", AgencyId = 5 };
        Assert.True(new WorkflowAccess(false, false, false, true, 5).IsOwner(n));
        Assert.False(new WorkflowAccess(false, false, false, true, 6).IsOwner(n));
        Assert.False(new WorkflowAccess(false, false, false, false, 5).IsOwner(n));
        Assert.True(new WorkflowAccess(false, false, false, false, 5).CanRead(n));
    }

    [Theory]
    [InlineData(NominationState.Draft, NominationState.Appraised)]
    [InlineData(NominationState.Rejected, NominationState.Submitted)]
    [InlineData(NominationState.Appraised, NominationState.Submitted)]
    [InlineData(NominationState.Submitted, NominationState.ReadyForCouncil)]
    public void CanMove_SkippingAState_IsRefused(NominationState from, NominationState to) => Assert.False(NominationWorkflow.CanMove(from, to));
}

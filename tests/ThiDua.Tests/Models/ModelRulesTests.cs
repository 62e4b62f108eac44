using ThiDua.Features.Models;

namespace ThiDua.Tests.Models;

public sealed class ModelRulesTests
{
    [Theory]
    [InlineData(ModelStage.Discover, ModelStage.Nurture)]
    [InlineData(ModelStage.Nurture, ModelStage.Summarize)]
    [InlineData(ModelStage.Summarize, ModelStage.Replicate)]
    public void TransitionProblem_NextStage_Allowed(ModelStage from, ModelStage to)
    {
        Assert.Null(ModelRules.TransitionProblem(from, to, null));
    }

    [Theory]
    [InlineData(ModelStage.Discover, ModelStage.Summarize, "Không được bỏ qua giai đoạn: sau \"Phát hiện\" là \"Bồi dưỡng\", chưa đến \"Tổng kết\".")]
    [InlineData(ModelStage.Discover, ModelStage.Replicate, "Không được bỏ qua giai đoạn: sau \"Phát hiện\" là \"Bồi dưỡng\", chưa đến \"Nhân rộng\".")]
    [InlineData(ModelStage.Nurture, ModelStage.Replicate, "Không được bỏ qua giai đoạn: sau \"Bồi dưỡng\" là \"Tổng kết\", chưa đến \"Nhân rộng\".")]
    [InlineData(ModelStage.Nurture, ModelStage.Nurture, "Gương điển hình đang ở giai đoạn \"Bồi dưỡng\".")]
    [InlineData(ModelStage.Replicate, ModelStage.Replicate, "Gương điển hình đang ở giai đoạn \"Nhân rộng\".")]
    public void TransitionProblem_SkipOrStay_Refused(ModelStage from, ModelStage to, string message)
    {
        Assert.Equal(message, ModelRules.TransitionProblem(from, to, "lý do"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void TransitionProblem_BackWithoutReason_Refused(string? reason)
    {
        Assert.Equal("Quay lại giai đoạn \"Bồi dưỡng\": hãy nhập lý do.", ModelRules.TransitionProblem(ModelStage.Summarize, ModelStage.Nurture, reason));
    }

    [Fact]
    public void TransitionProblem_BackWithReason_AllowedToAnyEarlierStage()
    {
        Assert.Null(ModelRules.TransitionProblem(ModelStage.Replicate, ModelStage.Discover, "Phát hiện sai sót trong hồ sơ"));
        Assert.Equal("Lý do quay lại tối đa 1.000 ký tự.", ModelRules.TransitionProblem(ModelStage.Replicate, ModelStage.Discover, new string('x', 1001)));
    }

    [Fact]
    public void TransitionProblem_UndefinedStage_Refused()
    {
        Assert.Equal("Giai đoạn: hãy chọn một trong bốn giai đoạn.", ModelRules.TransitionProblem(ModelStage.Discover, (ModelStage)99, null));
    }

    [Fact]
    public void MovementLabel_ThemeAndYear_NameWithYearInBrackets()
    {
        Assert.Equal("Thi đua yêu nước (2019)", ModelRules.MovementLabel("Thi đua yêu nước", 2019));
        Assert.Equal("Thi đua yêu nước (2019)", new MovementChoice(5, "Thi đua yêu nước", 2019).Label);
    }
}

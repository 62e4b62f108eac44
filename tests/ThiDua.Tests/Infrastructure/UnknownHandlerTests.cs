using System.Net;

namespace ThiDua.Tests.Infrastructure;

/// <summary>A post naming no handler of the page is refused (405), not rendered with an empty model (a 500).</summary>
public sealed class UnknownHandlerTests() : AppTest("admin@thidua.vn")
{
    [Theory]
    [InlineData("/Nominations")]
    [InlineData("/Councils?handler=Nope")]
    [InlineData("/Decisions")]
    [InlineData("/Votes")]
    [InlineData("/People")]
    public async Task Post_NoSuchHandler_MethodNotAllowedNot500(string url)
    {
        var r = await Client.PostFormAsync(url, new() { ["x"] = "1" }, "/Account/ChangePassword");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, r.StatusCode);
    }
}

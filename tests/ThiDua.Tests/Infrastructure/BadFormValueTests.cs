using System.Net;

namespace ThiDua.Tests.Infrastructure;

/// <summary>Hostile form values get Vietnamese messages, never a 500 or the framework's English text.</summary>
public sealed class BadFormValueTests() : AppTest("admin@thidua.vn")
{
    [Fact]
    public async Task Login_CheckboxWithAStrangeValue_AnswersWithAMessageNotA500()
    {
        using var anonymous = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await anonymous.PostFormAsync("/Account/Login", new() { ["Input.Email"] = "ai@thidua.vn", ["Input.Password"] = "x", ["Input.RememberMe"] = "maybe" });
        // The sign-in page answers as for any failed sign-in (it tells nothing more); the point is: no 500.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("name=\"Input.Email\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AccountEdit_TooLongValues_AreRefusedInVietnamese()
    {
        var response = await Client.PostFormAsync("/Admin/Accounts/Edit", new()
        {
            ["Input.Email"] = new string('a', 300) + "@thidua.vn", ["Input.FullName"] = "Người thử", ["Input.IsActive"] = "maybe",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("tối đa 256 ký tự", html);
        Assert.DoesNotContain("must be a string", html);
        Assert.DoesNotContain("field is required", html);
    }
}

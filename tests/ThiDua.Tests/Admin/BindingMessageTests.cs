using Microsoft.EntityFrameworkCore;

namespace ThiDua.Tests.Admin;

/// <summary>Model-binding messages are Vietnamese app-wide and name the field by its label; here the bloc edit's flag share.</summary>
public sealed class BindingMessageTests() : AppTest("thuongtruc.khoi@thidua.vn")
{
    [Theory]
    [InlineData("abc")]
    [InlineData("12,5")]
    public async Task EditBloc_FlagShareNotAWholeNumber_IsRefusedWithVietnameseMessageNamingTheField(string share)
    {
        var b = await App.QueryAsync(db => db.Blocs.AsNoTracking().OrderBy(b => b.Id).FirstAsync());
        var response = await Client.PostFormAsync($"/Blocs/Edit/{b.Id}", new()
        {
            ["Input.Name"] = b.Name, ["Input.ShortName"] = b.ShortName ?? "", ["Input.Code"] = b.Code, ["Input.Description"] = b.Description ?? "",
            ["Input.IsActive"] = "true", ["Input.FlagSharePercent"] = share, ["Input.Version"] = b.Version.ToString(),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"Tỷ lệ cờ thi đua tối đa do khối quy định (%): \"{share}\" không phải là số nguyên.", html);
        Assert.DoesNotContain("is not valid", html);
        Assert.Equal(b.FlagSharePercent, await App.QueryAsync(db => db.Blocs.Where(x => x.Id == b.Id).Select(x => x.FlagSharePercent).SingleAsync()));
    }
}

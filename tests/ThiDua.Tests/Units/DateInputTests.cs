using System.Net;
using Microsoft.EntityFrameworkCore;

namespace ThiDua.Tests.Units;

/// <summary>Dates are typed dd/mm/yyyy whatever the interface language: 01/02/2025 is the first of February.</summary>
public sealed class DateInputTests() : AppTest("tdkt.btctw@thidua.vn")
{
    [Fact]
    public async Task AddReview_DayFirstDateInEnglishInterface_IsReadAsDayMonthYear()
    {
        var unitId = await App.QueryAsync(db => db.Units.Where(u => u.Code == "BTCTW").Select(u => u.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Client.GetAsync("/lang/en?returnUrl=/")).StatusCode);
        var page = $"/Units/Details/{unitId}";
        var html = await Client.GetStringAsync(page);
        Assert.DoesNotContain("type=\"date\"", html);
        var response = await Client.PostFormAsync($"{page}?handler=Review", new() { ["review.From"] = "01/02/2025", ["review.Reason"] = "Kiểm tra định kỳ" }, page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new DateOnly(2025, 2, 1), await App.QueryAsync(db => db.UnitReviews.Where(r => r.UnitId == unitId && r.Reason == "Kiểm tra định kỳ").Select(r => r.From).SingleAsync()));
    }
}

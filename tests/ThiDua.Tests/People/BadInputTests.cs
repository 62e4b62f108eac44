using System.Data.Common;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Data;
using static ThiDua.Tests.People.PeopleTestData;

namespace ThiDua.Tests.People;

/// <summary>Bad input on the people pages answers with a Vietnamese message naming the field, never with a 500.</summary>
/// <remarks>One app for the class: every post here is refused and writes nothing, the rest read.</remarks>
public sealed class BadInputTests(SharedApp shared) : SharedAppTest(shared, "admin@thidua.vn")
{
    [Theory]
    [InlineData("999999")]
    [InlineData("-1")]
    public async Task EditPerson_UnknownUnitId_AnswersWithMessageAndChangesNothing(string unitId)
    {
        var someone = await BtctwPersonAsync(App);
        var person = await App.QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == someone.Id));
        var form = EditForm(person);
        form["Input.UnitId"] = unitId;
        var response = await Client.PostFormAsync($"/People/Edit/{person.Id}", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Không có đơn vị đang hoạt động với mã số {unitId}: hãy chọn đơn vị trong danh sách.", await TextAsync(response));
        Assert.Equal(person.CurrentUnitId, await App.QueryAsync(db => db.People.Where(p => p.Id == person.Id).Select(p => p.CurrentUnitId).SingleAsync()));
    }

    [Fact]
    public async Task CreatePerson_UnknownUnitId_AnswersWithMessageAndSavesNothing()
    {
        var response = await Client.PostFormAsync("/People/Edit", new()
        {
            ["Input.PersonalCode"] = "NEW-UNIT-0001", ["Input.FamilyName"] = "Trần", ["Input.GivenName"] = "An", ["Input.Gender"] = "Male", ["Input.UnitId"] = "999999",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Không có đơn vị đang hoạt động với mã số 999999", await TextAsync(response));
        Assert.False(await App.QueryAsync(db => db.People.AnyAsync(p => p.PersonalCode == "NEW-UNIT-0001")));
    }

    [Fact]
    public async Task EditPerson_UnitOfAnotherAgency_IsRefusedForAnAgencyOfficer()
    {
        var officer = await Shared.As("tdkt.btctw@thidua.vn");
        var someone = await BtctwPersonAsync(App);
        var person = await App.QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == someone.Id));
        var hv = await App.QueryAsync(db => db.Units.Where(u => u.Code.StartsWith("HVCTQG")).OrderBy(u => u.Id).Select(u => new { u.Id, u.Name }).FirstAsync());
        var form = EditForm(person);
        form["Input.UnitId"] = hv.Id.ToString();
        var response = await officer.PostFormAsync($"/People/Edit/{person.Id}", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Đơn vị \"{hv.Name}\" ngoài phạm vi của bạn.", await TextAsync(response));
        Assert.Equal(person.CurrentUnitId, await App.QueryAsync(db => db.People.Where(p => p.Id == person.Id).Select(p => p.CurrentUnitId).SingleAsync()));
    }

    [Theory]
    [InlineData("999999", "Không có đơn vị đang hoạt động với mã số 999999")]
    [InlineData("abc", "Chuyển đến đơn vị: \"abc\" không phải là số nguyên.")]
    [InlineData("", "Hãy chọn đơn vị chuyển đến.")]
    public async Task MovePerson_UnknownOrUnreadableUnit_AnswersWithMessageAndMovesNobody(string unitId, string message)
    {
        var someone = await BtctwPersonAsync(App);
        var version = await App.QueryAsync(db => db.People.Where(p => p.Id == someone.Id).Select(p => p.Version).SingleAsync());
        var response = await Client.PostFormAsync($"/People/Details/{someone.Id}?handler=Move", new() { ["unitId"] = unitId, ["from"] = "01/03/2024", ["version"] = version.ToString() }, $"/People/Details/{someone.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await TextAsync(response));
        Assert.Equal(someone.UnitId, await App.QueryAsync(db => db.People.Where(p => p.Id == someone.Id).Select(p => p.CurrentUnitId).SingleAsync()));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("10000")]
    [InlineData("2147483647")]
    public async Task PersonPage_YearOutOfRange_AnswersWithMessage(string year)
    {
        var someone = await BtctwPersonAsync(App);
        var response = await Client.GetAsync($"/People/Details/{someone.Id}?year={year}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Năm xét phải từ 1945 đến {DateTime.UtcNow.AddHours(7).Year + 1}; \"{year}\" không hợp lệ.", await TextAsync(response));
    }

    [Theory]
    [InlineData("0", "Năm phải từ 1975 đến 2100.")]
    [InlineData("10000", "Năm phải từ 1975 đến 2100.")]
    [InlineData("2147483647", "Năm phải từ 1975 đến 2100.")]
    [InlineData("2147483648", "Năm: \"2147483648\" không phải là số năm.")]
    public async Task RatingPost_YearOutOfRange_AnswersWithMessageAndSavesNothing(string year, string message)
    {
        var someone = await BtctwPersonAsync(App);
        var before = await App.QueryAsync(db => db.YearRatings.CountAsync(r => r.PersonId == someone.Id));
        var response = await Client.PostFormAsync($"/People/Details/{someone.Id}?handler=Rating", new() { ["rating.Year"] = year, ["rating.Rating"] = "HTTNV" }, $"/People/Details/{someone.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await TextAsync(response));
        Assert.Equal(before, await App.QueryAsync(db => db.YearRatings.CountAsync(r => r.PersonId == someone.Id)));
    }

    [Theory]
    [InlineData("2147483647", "Không có trang \"2147483647\": danh sách có 111 trang. Đang hiện trang 111.")]
    [InlineData("112", "Không có trang \"112\": danh sách có 111 trang. Đang hiện trang 111.")]
    [InlineData("0", "Không có trang \"0\": danh sách có 111 trang. Đang hiện trang 1.")]
    [InlineData("-2147483648", "Không có trang \"-2147483648\": danh sách có 111 trang. Đang hiện trang 1.")]
    [InlineData("99999999999", "Không có trang \"99999999999\": danh sách có 111 trang. Đang hiện trang 1.")]
    [InlineData("abc", "Không có trang \"abc\": danh sách có 111 trang. Đang hiện trang 1.")]
    public async Task PeopleList_PageThatDoesNotExist_ShowsAnExistingPageWithMessage(string page, string message)
    {
        var total = await App.QueryAsync(db => db.People.CountAsync(p => p.IsActive));
        Assert.Equal(111, (total + 49) / 50); // the messages above count the demo's pages
        var response = await Client.GetAsync($"/People?p={page}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await TextAsync(response);
        Assert.Contains(message, html);
        Assert.DoesNotContain("is not valid", html);
        Assert.Contains("<a href=\"/People/Details/", html);
    }
}

/// <summary>Its own database copy: another host saves a person (the same code) between the form's check and its save.</summary>
public sealed class BadInputRaceTests() : AppTest("admin@thidua.vn")
{
    [Fact]
    public async Task CreatePerson_SameCodeSavedMeanwhile_AnswersWithMessageNot500()
    {
        const string code = "RACE-000000001";
        using var racing = App.WithWebHostBuilder(b => b.ConfigureTestServices(s => TestApp.AddInterceptor(s, new SavedMeanwhile(App.Location,
            // Another officer saves the same personal code between this form's check and its save.
            c => c.CommandText.Contains("\"PersonalCode\" = @", StringComparison.Ordinal) && c.Parameters.Cast<DbParameter>().Any(p => Equals(p.Value, code)),
            async other =>
            {
                var copy = await other.People.AsNoTracking().OrderBy(p => p.Id).FirstAsync();
                copy.Id = 0;
                copy.PersonalCode = code;
                other.People.Add(copy);
                await other.SaveChangesAsync();
            }))));
        var client = racing.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var signIn = await client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = "admin@thidua.vn", ["Input.Password"] = TestApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var unit = await BtctwPersonAsync(App);
        var response = await client.PostFormAsync("/People/Edit", new()
        {
            ["Input.PersonalCode"] = code, ["Input.FamilyName"] = "Trần", ["Input.GivenName"] = "An", ["Input.Gender"] = "Male", ["Input.UnitId"] = unit.UnitId.ToString(),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await TextAsync(response);
        Assert.Contains($"Mã cá nhân \"{code}\" vừa được dùng cho người khác. Hãy kiểm tra lại mã rồi lưu lần nữa.", html);
        Assert.Equal(1, await App.QueryAsync(db => db.People.CountAsync(p => p.PersonalCode == code)));
        Assert.False(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "Thêm cán bộ" && a.EntityCode == code)));
    }
}

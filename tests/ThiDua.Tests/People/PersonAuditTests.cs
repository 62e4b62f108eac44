using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Eligibility;
using static ThiDua.Tests.People.PeopleTestData;

namespace ThiDua.Tests.People;

/// <summary>Every change on the people pages is audited by the person's database id, with the personal code beside it and the values before and after in Vietnamese.</summary>
public sealed class PersonAuditTests() : AppTest("tdkt.btctw@thidua.vn")
{
    [Fact]
    public async Task ChangeRating_AuditsTheRatingBeforeAndAfterByName()
    {
        var someone = await BtctwPersonRatedAsync(App, 2019, Rating.HTTNV);
        var response = await Client.PostFormAsync($"/People/Details/{someone.Id}?handler=Rating", new() { ["rating.Year"] = "2019", ["rating.Rating"] = "HTXSNV" }, $"/People/Details/{someone.Id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["năm 2019; trước: hoàn thành tốt nhiệm vụ (HTTNV) → sau: hoàn thành xuất sắc nhiệm vụ (HTXSNV)"], await AuditAsync(App, "Sửa xếp loại", someone.Id));
        var entry = await App.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "Sửa xếp loại").SingleAsync());
        Assert.Equal((someone.Id.ToString(), someone.Code, "tdkt.btctw@thidua.vn"), (entry.EntityId, entry.EntityCode, entry.UserName));
    }

    [Fact]
    public async Task SameRatingAgain_ChangesNothingAndAuditsNothing()
    {
        var someone = await BtctwPersonRatedAsync(App, 2019, Rating.HTTNV);
        var response = await Client.PostFormAsync($"/People/Details/{someone.Id}?handler=Rating", new() { ["rating.Year"] = "2019", ["rating.Rating"] = "HTTNV" }, $"/People/Details/{someone.Id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(await AuditAsync(App, "Sửa xếp loại", someone.Id));
    }

    [Fact]
    public async Task AddDiscipline_TypedDayFirst_IsStoredAndAuditedWithItsLevelByName()
    {
        var someone = await BtctwPersonAsync(App, 6);
        var response = await Client.PostFormAsync($"/People/Details/{someone.Id}?handler=Discipline", new()
        {
            ["discipline.Level"] = "KhienTrach", ["discipline.From"] = "01/02/2020", ["discipline.To"] = "31/01/2021", ["discipline.DecisionNumber"] = "7-QĐ/BTCTW",
        }, $"/People/Details/{someone.Id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var record = await App.QueryAsync(db => db.DisciplineRecords.SingleAsync(d => d.PersonId == someone.Id && d.DecisionNumber == "7-QĐ/BTCTW"));
        Assert.Equal((new DateOnly(2020, 2, 1), new DateOnly(2021, 1, 31)), (record.From, record.To));
        Assert.Equal(["trước: — → sau: khiển trách từ 01/02/2020 đến 31/01/2021; số QĐ: 7-QĐ/BTCTW"], await AuditAsync(App, "Thêm kỷ luật", someone.Id));
    }

    [Fact]
    public async Task EditPerson_AuditsEachChangedFieldBeforeAndAfter()
    {
        var someone = await BtctwPersonAsync(App, 7);
        var person = await App.QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == someone.Id));
        var from = await App.QueryAsync(db => db.Units.Where(u => u.Id == person.CurrentUnitId).Select(u => u.Name + " (" + u.Code + ")").SingleAsync());
        var to = await App.QueryAsync(db => db.Units.Where(u => u.Code.StartsWith("BTCTW") && u.Id != person.CurrentUnitId && u.ActiveTo == null).OrderBy(u => u.Id).Select(u => new { u.Id, Text = u.Name + " (" + u.Code + ")" }).FirstAsync());
        var form = EditForm(person);
        form["Input.Position"] = "Chuyên viên chính (sửa)";
        form["Input.GivenName"] = person.GivenName + "h";
        form["Input.UnitId"] = to.Id.ToString();
        var response = await Client.PostFormAsync($"/People/Edit/{person.Id}", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var audit = Assert.Single(await AuditAsync(App, "Sửa hồ sơ cán bộ", person.Id));
        Assert.Equal(
            $"Tên: trước: {person.GivenName} → sau: {person.GivenName}h; Chức vụ: trước: {person.Position ?? "—"} → sau: Chuyên viên chính (sửa); Đơn vị: trước: {from} → sau: {to.Text}",
            audit);
        Assert.Equal(person.PersonalCode, await App.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "Sửa hồ sơ cán bộ").Select(a => a.EntityCode).SingleAsync()));
    }

    [Fact]
    public async Task CreatePerson_AuditsByTheNewDatabaseIdWithEveryField()
    {
        var unit = await App.QueryAsync(db => db.Units.Where(u => u.Code.StartsWith("BTCTW") && u.ActiveTo == null).OrderBy(u => u.Id).Select(u => new { u.Id, Text = u.Name + " (" + u.Code + ")" }).FirstAsync());
        var response = await Client.PostFormAsync("/People/Edit", new()
        {
            ["Input.PersonalCode"] = "AUDIT-NEW-01", ["Input.FamilyName"] = "Trần", ["Input.GivenName"] = "An", ["Input.Gender"] = "Female",
            ["Input.UnitId"] = unit.Id.ToString(), ["Input.BirthDate"] = "05/03/1980",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = await App.QueryAsync(db => db.People.Where(p => p.PersonalCode == "AUDIT-NEW-01").Select(p => p.Id).SingleAsync());
        Assert.Equal(
            [$"trước: — → sau: Mã cá nhân: AUDIT-NEW-01; Họ: Trần; Tên: An; Giới tính: Nữ; Ngày sinh: 05/03/1980; Đơn vị: {unit.Text}; Đang xem xét kỷ luật, thanh tra, khiếu nại: không"],
            await AuditAsync(App, "Thêm cán bộ", id));
    }

    [Fact]
    public async Task MovePerson_AuditsTheUnitBeforeAndAfterWithTheDate()
    {
        var someone = await BtctwPersonAsync(App, 8);
        var from = await App.QueryAsync(db => db.Units.Where(u => u.Id == someone.UnitId).Select(u => u.Name + " (" + u.Code + ")").SingleAsync());
        var to = await App.QueryAsync(db => db.Units.Where(u => u.Code.StartsWith("BTCTW") && u.Id != someone.UnitId && u.ActiveTo == null).OrderBy(u => u.Id).Select(u => new { u.Id, Text = u.Name + " (" + u.Code + ")" }).FirstAsync());
        var version = await App.QueryAsync(db => db.People.Where(p => p.Id == someone.Id).Select(p => p.Version).SingleAsync());
        var response = await Client.PostFormAsync($"/People/Details/{someone.Id}?handler=Move", new() { ["unitId"] = to.Id.ToString(), ["from"] = "01/03/2024", ["version"] = version.ToString() }, $"/People/Details/{someone.Id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([$"Đơn vị: trước: {from} → sau: {to.Text}; từ ngày 01/03/2024"], await AuditAsync(App, "Chuyển đơn vị", someone.Id));
        Assert.True(await App.QueryAsync(db => db.UnitMemberships.AnyAsync(m => m.PersonId == someone.Id && m.UnitId == to.Id && m.From == new DateOnly(2024, 3, 1))));
    }
}

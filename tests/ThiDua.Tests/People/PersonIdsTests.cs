using Microsoft.EntityFrameworkCore;
using ThiDua.Features.People;
using static ThiDua.Tests.People.PeopleTestData;
using W = ThiDua.Features.People.PeopleWorkbook;

namespace ThiDua.Tests.People;

/// <summary>The registry's identifiers (số CCCD, mã CBCCVC): edit page, details page, import and export.</summary>
/// <remarks>One app for the class: each test edits or refuses its own person (the n-th of Ban Tổ chức by id, a different n per test),
/// the imports add their own codes or are refused whole, and the identifiers set directly are the same whichever test sets them.</remarks>
public sealed class PersonIdsTests(SharedApp shared) : SharedAppTest(shared, "tdkt.btctw@thidua.vn")
{
    [Theory]
    [InlineData("CB-001.2", true)]
    [InlineData("ABCDEFGHIJ0123456789", true)]
    [InlineData("ABCDEFGHIJ01234567890", false)]
    [InlineData("CB 001", false)]
    [InlineData("CB/001", false)]
    [InlineData("", false)]
    public void CivilServantCode_Validation_LettersDigitsDotHyphenUpTo20(string s, bool ok) => Assert.Equal(ok, PersonIds.IsCivilServantCode(s));

    [Fact]
    public async Task Edit_ValidIds_AreStoredShownAndAuditedBeforeAfter()
    {
        var someone = await BtctwPersonAsync(App, 3);
        var person = await App.QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == someone.Id));
        var form = EditForm(person);
        form["Input.NationalId"] = " 001190099887 ";
        form["Input.CivilServantCode"] = "BTC-2010.17";
        var response = await Client.PostFormAsync($"/People/Edit/{person.Id}", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var saved = await App.QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == person.Id));
        Assert.Equal(("001190099887", "BTC-2010.17"), (saved.NationalId, saved.CivilServantCode));
        var audit = Assert.Single(await AuditAsync(App, "Sửa hồ sơ cán bộ", person.Id));
        Assert.Equal("Số CCCD: trước: — → sau: 001190099887; Mã CBCCVC: trước: — → sau: BTC-2010.17", audit);

        var details = await TextAsync(await Client.GetAsync($"/People/Details/{person.Id}"));
        Assert.Contains("001190099887", details, StringComparison.Ordinal);
        Assert.Contains("BTC-2010.17", details, StringComparison.Ordinal);
        var edit = await TextAsync(await Client.GetAsync($"/People/Edit/{person.Id}"));
        Assert.Contains("value=\"001190099887\"", edit, StringComparison.Ordinal);

        // Clearing both is a change too, audited back to —.
        form = EditForm(saved);
        form["Input.NationalId"] = "";
        form["Input.CivilServantCode"] = "";
        Assert.Equal(HttpStatusCode.Redirect, (await Client.PostFormAsync($"/People/Edit/{person.Id}", form)).StatusCode);
        var cleared = await App.QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == person.Id));
        Assert.Equal((null, null), (cleared.NationalId, cleared.CivilServantCode));
        Assert.Equal("Số CCCD: trước: 001190099887 → sau: —; Mã CBCCVC: trước: BTC-2010.17 → sau: —", (await AuditAsync(App, "Sửa hồ sơ cán bộ", person.Id))[^1]);
    }

    [Theory]
    [InlineData("00119009988", "CB-1", "Số CCCD \"00119009988\" không hợp lệ: phải gồm đúng 12 chữ số.")]
    [InlineData("00119009988A", "CB-1", "Số CCCD \"00119009988A\" không hợp lệ: phải gồm đúng 12 chữ số.")]
    [InlineData("", "CB 1/2", "Mã CBCCVC không hợp lệ")]
    [InlineData("", "ABCDEFGHIJ01234567890ABCDEFGHIJ0123456789", "Mã CBCCVC tối đa 20 ký tự.")]
    public async Task Edit_InvalidIds_RefusedNamingTheFieldAndNothingSaved(string nationalId, string civilServantCode, string message)
    {
        var someone = await BtctwPersonAsync(App, 4);
        var person = await App.QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == someone.Id));
        var form = EditForm(person);
        form["Input.NationalId"] = nationalId;
        form["Input.CivilServantCode"] = civilServantCode;
        var response = await Client.PostFormAsync($"/People/Edit/{person.Id}", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await TextAsync(response);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{civilServantCode}\"", html, StringComparison.Ordinal);
        var saved = await App.QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == person.Id));
        Assert.Equal((null, null, person.Version), (saved.NationalId, saved.CivilServantCode, saved.Version));
        Assert.Empty(await AuditAsync(App, "Sửa hồ sơ cán bộ", person.Id));
    }

    [Fact]
    public async Task Edit_NationalIdOfAnotherPerson_RefusedNamingTheirCode()
    {
        var holder = await BtctwPersonAsync(App, 5);
        await App.ExecuteAsync(async db =>
        {
            (await db.People.SingleAsync(p => p.Id == holder.Id)).NationalId = "001190055555";
            await db.SaveChangesAsync();
        });
        var someone = await BtctwPersonAsync(App, 6);
        var person = await App.QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == someone.Id));
        var form = EditForm(person);
        form["Input.NationalId"] = "001190055555";
        var response = await Client.PostFormAsync($"/People/Edit/{person.Id}", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Số CCCD \"001190055555\" đã ghi cho cán bộ mã \"{holder.Code}\"", await TextAsync(response), StringComparison.Ordinal);
        Assert.Null(await App.QueryAsync(db => db.People.Where(p => p.Id == person.Id).Select(p => p.NationalId).SingleAsync()));
    }

    [Fact]
    public async Task Edit_NationalIdOfAPersonOutsideTheScope_RefusedWithoutNamingThem()
    {
        var holder = await App.QueryAsync(db => db.People.Where(p => p.IsActive && p.CurrentUnit!.Code.StartsWith("HVCTQG")).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.PersonalCode }).FirstAsync());
        await App.ExecuteAsync(async db =>
        {
            (await db.People.SingleAsync(p => p.Id == holder.Id)).NationalId = "001190066666";
            await db.SaveChangesAsync();
        });
        var someone = await BtctwPersonAsync(App, 8);
        var person = await App.QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == someone.Id));
        var form = EditForm(person);
        form["Input.NationalId"] = "001190066666";
        var response = await Client.PostFormAsync($"/People/Edit/{person.Id}", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await TextAsync(response);
        Assert.Contains("Số CCCD \"001190066666\" đã ghi cho một người ngoài phạm vi của bạn", text, StringComparison.Ordinal);
        Assert.DoesNotContain(holder.PersonalCode, text, StringComparison.Ordinal);
        Assert.Null(await App.QueryAsync(db => db.People.Where(p => p.Id == person.Id).Select(p => p.NationalId).SingleAsync()));
    }

    [Fact]
    public async Task Edit_StaleVersion_ConflictKeepsTheTypedIds()
    {
        var someone = await BtctwPersonAsync(App, 7);
        var person = await App.QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == someone.Id));
        await App.ExecuteAsync(async db =>
        {
            (await db.People.SingleAsync(p => p.Id == person.Id)).Position = "Chuyên viên (người khác sửa)";
            await db.SaveChangesAsync();
        });
        var form = EditForm(person);
        form["Input.NationalId"] = "001190077777";
        var response = await Client.PostFormAsync($"/People/Edit/{person.Id}", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await TextAsync(response);
        Assert.Contains("Hồ sơ vừa được người khác sửa", html, StringComparison.Ordinal);
        Assert.Contains("value=\"001190077777\"", html, StringComparison.Ordinal);
        Assert.Null(await App.QueryAsync(db => db.People.Where(p => p.Id == person.Id).Select(p => p.NationalId).SingleAsync()));
    }

    [Fact]
    public async Task Details_OtherAgencysPerson_IdsNotReadable()
    {
        var hv = await App.QueryAsync(async db =>
        {
            var p = await db.People.Where(p => p.IsActive && p.CurrentUnit!.Code.StartsWith("HVCTQG")).OrderBy(p => p.Id).FirstAsync();
            p.NationalId = "001190066666";
            await db.SaveChangesAsync();
            return p.Id;
        });
        var response = await Client.GetAsync($"/People/Details/{hv}");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("001190066666", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Dictionary<string, object?> WithIds(Dictionary<string, object?> row, object? nationalId, object? civilServantCode)
    {
        row[W.NationalIdCol] = nationalId;
        row[W.CivilServantCol] = civilServantCode;
        return row;
    }

    [Fact]
    public async Task Import_BothColumns_ValidRowStored_AndReimportUnchanged()
    {
        var xlsx = ImportTests.Workbook([WithIds(ImportTests.Person("IDS-0001", "Trần", "Thị", "Ánh", "Nữ", "12/05/1988", "BTCTW-D01"), "001188012345", "BTC-88.1")]);
        var job = await ImportTests.UploadAsync(App, Client, xlsx);
        Assert.Equal(ImportJobState.Succeeded, job.State);
        var p = await App.QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.PersonalCode == "IDS-0001"));
        Assert.Equal(("001188012345", "BTC-88.1"), (p.NationalId, p.CivilServantCode));

        var again = await ImportTests.UploadAsync(App, Client, xlsx);
        Assert.Equal((ImportJobState.Succeeded, 0, 0, 1), (again.State, again.CreatedPeople, again.UpdatedPeople, again.UnchangedPeople));

        // A sheet without the columns (an older file) keeps the stored values.
        var old = await ImportTests.UploadAsync(App, Client, ImportTests.Workbook([ImportTests.Person("IDS-0001", "Trần", "Thị", "Ánh", "Nữ", "12/05/1988", "BTCTW-D01")]));
        Assert.Equal((ImportJobState.Succeeded, 1), (old.State, old.UnchangedPeople));
        Assert.Equal("001188012345", await App.QueryAsync(db => db.People.Where(p => p.PersonalCode == "IDS-0001").Select(p => p.NationalId).SingleAsync()));
    }

    [Fact]
    public async Task Import_InvalidIds_WholeFileRefusedNamingTheColumn()
    {
        await App.ExecuteAsync(async db =>
        {
            (await db.People.Where(p => p.CurrentUnit!.Code.StartsWith("BTCTW")).OrderBy(p => p.Id).FirstAsync()).NationalId = "001190044444";
            await db.SaveChangesAsync();
        });
        var holder = await BtctwPersonAsync(App);
        var xlsx = ImportTests.Workbook(
        [
            WithIds(ImportTests.Person("IDS-1001", "Phạm", "Văn", "Hùng", "Nam", "03/03/1985", "BTCTW-D01"), "001185012345", "BTC-1"),
            WithIds(ImportTests.Person("IDS-1002", "Võ", "Thị", "Lan", "Nữ", "01/01/1990", "BTCTW-D01"), "0011850123", "BTC 2/3"),
            WithIds(ImportTests.Person("IDS-1003", "Đỗ", null, "Minh", "Nam", "01/01/1990", "BTCTW-D01"), "001190044444", null),
            WithIds(ImportTests.Person("IDS-1004", "Lý", null, "Tâm", "Nam", "01/01/1991", "BTCTW-D01"), "001185012345", null),
        ]);
        var job = await ImportTests.UploadAsync(App, Client, xlsx);
        Assert.Equal(ImportJobState.Rejected, job.State);
        Assert.Equal((1, 3), (job.AcceptedRows, job.RejectedRows));
        Assert.False(await App.QueryAsync(db => db.People.AnyAsync(p => p.PersonalCode.StartsWith("IDS-10"))));
        var messages = PeopleImporter.ParseReport(job.ReportJson).SelectMany(r => r.Messages).ToList();
        Assert.Contains("Dòng 3, cột \"Số CCCD\": \"0011850123\" không phải số CCCD: phải gồm đúng 12 chữ số", messages);
        Assert.Contains("Dòng 3, cột \"Mã CBCCVC\": \"BTC 2/3\" không phải mã CBCCVC: chỉ gồm chữ, số, dấu chấm, gạch ngang, tối đa 20 ký tự", messages);
        Assert.Contains($"Dòng 4, cột \"Số CCCD\": số CCCD \"001190044444\" đã ghi cho cán bộ mã \"{holder.Code}\"", messages);
        Assert.Contains("Dòng 5, cột \"Số CCCD\": số CCCD \"001185012345\" lặp lại trong trang (dòng 2, mã \"IDS-1001\")", messages);
    }

    [Fact]
    public async Task Import_NationalIdAsNumberCell_RefusedNamingTheColumn()
    {
        var xlsx = ImportTests.Workbook([WithIds(ImportTests.Person("IDS-2001", "Hà", null, "Linh", "Nữ", "01/01/1992", "BTCTW-D01"), 1190012345d, null)]);
        var job = await ImportTests.UploadAsync(App, Client, xlsx);
        Assert.Equal(ImportJobState.Rejected, job.State);
        Assert.Contains(PeopleImporter.ParseReport(job.ReportJson).SelectMany(r => r.Messages), m => m.StartsWith("Dòng 2, cột \"Số CCCD\": số CCCD phải nhập dạng văn bản", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_IncludesBothColumns_AndTemplateHasThem()
    {
        var code = await App.QueryAsync(async db =>
        {
            var p = await db.People.Where(p => p.CurrentUnit!.Code == "BTCTW-D01").OrderBy(p => p.Id).FirstAsync();
            p.NationalId = "001190033333";
            p.CivilServantCode = "BTC-EXP.1";
            await db.SaveChangesAsync();
            return p.PersonalCode;
        });
        var bytes = await Client.GetByteArrayAsync($"/People?handler=Export&q={code}");
        var sheet = WebUtility.HtmlDecode(ExportTests.Part(bytes, "xl/worksheets/sheet1.xml"));
        Assert.Contains(">Số CCCD<", sheet, StringComparison.Ordinal);
        Assert.Contains(">Mã CBCCVC<", sheet, StringComparison.Ordinal);
        Assert.Contains(">001190033333<", sheet, StringComparison.Ordinal);
        Assert.Contains(">BTC-EXP.1<", sheet, StringComparison.Ordinal);
        Assert.Contains(W.NationalIdCol, W.PeopleColumns);
        Assert.Contains(W.CivilServantCol, W.PeopleColumns);

        var job = await ImportTests.UploadAsync(App, Client, bytes, fileName: "xuat.xlsx");
        Assert.Equal((ImportJobState.Succeeded, 0, 0, 1), (job.State, job.CreatedPeople, job.UpdatedPeople, job.UnchangedPeople));
    }
}

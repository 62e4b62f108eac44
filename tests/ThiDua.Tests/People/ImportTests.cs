using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using ThiDua.Features.People;
using W = ThiDua.Features.People.PeopleWorkbook;

namespace ThiDua.Tests.People;

public sealed class ImportTests() : AppTest("tdkt.btctw@thidua.vn")
{
    internal static byte[] Workbook(IEnumerable<Dictionary<string, object?>> people, IEnumerable<Dictionary<string, object?>>? ratings = null,
        IEnumerable<Dictionary<string, object?>>? initiatives = null, IEnumerable<Dictionary<string, object?>>? awards = null)
    {
        var sheets = new Dictionary<string, object> { [W.PeopleSheet] = people.ToList() };
        if (ratings is not null) sheets[W.RatingsSheet] = ratings.ToList();
        if (initiatives is not null) sheets[W.InitiativesSheet] = initiatives.ToList();
        if (awards is not null) sheets[W.AwardsSheet] = awards.ToList();
        using var ms = new MemoryStream();
        ms.SaveAs(sheets, excelType: ExcelType.XLSX);
        return ms.ToArray();
    }

    internal static Dictionary<string, object?> Person(string code, string family, string? middle, string given, string gender, string birth, string unitCode, string hired = "01/09/2012") => new()
    {
        [W.Code] = code, [W.Family] = family, [W.Middle] = middle, [W.Given] = given, [W.GenderCol] = gender,
        [W.Birth] = birth, [W.PositionCol] = "Chuyên viên", [W.UnitCode] = unitCode, [W.Hired] = hired,
    };

    internal static Dictionary<string, object?> RatingRow(string code, int year, string rating) => new() { [W.Code] = code, [W.Year] = year, [W.RatingCol] = rating };

    private async Task<ImportJob> UploadAsync(byte[] xlsx, bool validRowsOnly = false, string fileName = "can-bo.xlsx")
    {
        var token = await Client.AntiforgeryTokenAsync("/People/Import");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        if (validRowsOnly) form.Add(new StringContent("true"), "AcceptValidRowsOnly");
        var file = new ByteArrayContent(xlsx);
        file.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "Upload", fileName);
        var response = await Client.PostAsync("/People/Import", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var status = response.Headers.Location!.ToString();
        Assert.Contains("/People/ImportStatus/", status);
        var id = int.Parse(status[(status.LastIndexOf('/') + 1)..]);
        for (var i = 0; i < 600; i++)
        {
            var job = await App.QueryAsync(db => db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == id));
            if (job.State is ImportJobState.Succeeded or ImportJobState.Rejected or ImportJobState.Failed)
            {
                var page = await Client.GetStringAsync(status);
                Assert.Contains("import-summary", page);
                return job;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("import did not finish");
    }

    [Fact]
    public async Task Template_Download_HasEverySheetWithHeaders()
    {
        var bytes = await Client.GetByteArrayAsync("/People/Import?handler=Template");
        using var ms = new MemoryStream(bytes);
        var sheets = ms.GetSheetNames();
        Assert.Equal([W.PeopleSheet, W.RatingsSheet, W.DisciplineSheet, W.InitiativesSheet, W.AwardsSheet, W.GuideSheet], sheets);
        ms.Position = 0;
        var first = (IDictionary<string, object>)ms.Query(useHeaderRow: true, sheetName: W.PeopleSheet).First();
        Assert.Equal(W.PeopleColumns, first.Keys.ToArray());
    }

    [Fact]
    public async Task Import_ValidFile_CreatesPeopleWithHistory_AndReimportChangesNothing()
    {
        var xlsx = Workbook(
            [Person("IMP-0001", "Trần", "Thị", "Ánh", "Nữ", "12/05/1988", "BTCTW-D01"), Person("IMP-0002", "Lê", null, "Đạt", "Nam", "01/01/1979", "BTCTW-D02")],
            [RatingRow("IMP-0001", 2024, "HTXSNV"), RatingRow("IMP-0001", 2025, "HTTNV"), RatingRow("IMP-0002", 2025, "HTXSNV")]);
        var job = await UploadAsync(xlsx);
        Assert.Equal(ImportJobState.Succeeded, job.State);
        Assert.Equal((2, 0, 3), (job.CreatedPeople, job.UpdatedPeople, job.ChangedHistoryRows));
        var anh = await App.QueryAsync(db => db.People.Include(p => p.Ratings).Include(p => p.Memberships).SingleAsync(p => p.PersonalCode == "IMP-0001"));
        Assert.Equal("Trần Thị Ánh", anh.FullName);
        Assert.Equal("tran thi anh", anh.SearchName);
        Assert.Equal(2, anh.Ratings.Count);
        Assert.Single(anh.Memberships);

        var again = await UploadAsync(xlsx);
        Assert.Equal(ImportJobState.Succeeded, again.State);
        Assert.Equal((0, 0, 2, 0), (again.CreatedPeople, again.UpdatedPeople, again.UnchangedPeople, again.ChangedHistoryRows));
        Assert.Equal(1, await App.QueryAsync(db => db.People.CountAsync(p => p.PersonalCode == "IMP-0001")));
        Assert.Equal(2, await App.QueryAsync(db => db.YearRatings.CountAsync(r => r.PersonId == anh.Id)));
    }

    [Fact]
    public async Task Import_FileWithBadCells_RejectsWholeFileWithReasonPerCell()
    {
        var xlsx = Workbook(
            [Person("IMP-1001", "Phạm", "Văn", "Hùng", "Nam", "03/03/1985", "BTCTW-D01"),
             Person("IMP-1002", "Võ", "Thị", "Lan", "Nữa", "31/02/1990", "BTCTW-D01"),
             Person("IMP-1003", "Đỗ", null, "Minh", "Nam", "01/01/1990", "HVCTQG-D01")],
            [RatingRow("IMP-1001", 2025, "HTXS")]);
        var job = await UploadAsync(xlsx);
        Assert.Equal(ImportJobState.Rejected, job.State);
        Assert.Equal(1, job.AcceptedRows);
        Assert.Equal(3, job.RejectedRows);
        Assert.False(await App.QueryAsync(db => db.People.AnyAsync(p => p.PersonalCode.StartsWith("IMP-10"))));
        var report = PeopleImporter.ParseReport(job.ReportJson);
        var messages = report.SelectMany(r => r.Messages).ToList();
        Assert.Contains("Dòng 3, cột \"Giới tính\": \"Nữa\" không hợp lệ (Nam hoặc Nữ)", messages);
        Assert.Contains("Dòng 3, cột \"Ngày sinh\": \"31/02/1990\" không phải ngày hợp lệ (dd/mm/yyyy)", messages);
        Assert.Contains("Dòng 4, cột \"Mã đơn vị\": đơn vị \"HVCTQG-D01\" ngoài phạm vi đơn vị của bạn", messages);
        Assert.Contains("Dòng 2, cột \"Xếp loại\": \"HTXS\" không hợp lệ (HTXSNV, HTTNV, HTNV, KHTNV)", messages);
        var page = WebUtility.HtmlDecode(await Client.GetStringAsync($"/People/ImportStatus/{job.Id}"));
        Assert.Contains("Có dòng lỗi nên chưa ghi dòng nào", page);
        Assert.Contains("\"Nữa\" không hợp lệ", page);
    }

    [Fact]
    public async Task Import_ValidRowsOnly_WritesAcceptedRowsAndSkipsRejected()
    {
        var xlsx = Workbook(
            [Person("IMP-2001", "Bùi", "Quang", "Huy", "Nam", "03/03/1985", "BTCTW-D01"), Person("IMP-2002", "", "Thị", "Mai", "Nữ", "01/01/1990", "BTCTW-D01")]);
        var job = await UploadAsync(xlsx, validRowsOnly: true);
        Assert.Equal(ImportJobState.Succeeded, job.State);
        Assert.Equal((1, 1), (job.AcceptedRows, job.RejectedRows));
        Assert.True(await App.QueryAsync(db => db.People.AnyAsync(p => p.PersonalCode == "IMP-2001")));
        Assert.False(await App.QueryAsync(db => db.People.AnyAsync(p => p.PersonalCode == "IMP-2002")));
        Assert.Contains("Dòng 3, cột \"Họ\": bắt buộc, đang để trống", PeopleImporter.ParseReport(job.ReportJson).SelectMany(r => r.Messages));
    }

    [Fact]
    public async Task Import_ChangedRow_UpdatesPersonAndMovesUnit()
    {
        await UploadAsync(Workbook([Person("IMP-3001", "Hồ", "Ngọc", "Hà", "Nữ", "09/09/1991", "BTCTW-D01")]));
        var job = await UploadAsync(Workbook([Person("IMP-3001", "Hồ", "Ngọc", "Hà", "Nữ", "09/09/1991", "BTCTW-D02")]));
        Assert.Equal((0, 1), (job.CreatedPeople, job.UpdatedPeople));
        var person = await App.QueryAsync(db => db.People.Include(p => p.Memberships).ThenInclude(m => m.Unit).SingleAsync(p => p.PersonalCode == "IMP-3001"));
        Assert.Equal(2, person.Memberships.Count);
        Assert.Equal("BTCTW-D02", person.Memberships.Single(m => m.To is null).Unit!.Code);
    }

    [Fact]
    public async Task Upload_NotAnXlsx_IsRefusedByContent()
    {
        var token = await Client.AntiforgeryTokenAsync("/People/Import");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new ByteArrayContent("Họ,Tên\nNguyễn,An"u8.ToArray()), "Upload", "gia-mao.xlsx");
        var response = await Client.PostAsync("/People/Import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nội dung tệp không phải bảng tính .xlsx", await response.Content.ReadAsStringAsync());
        Assert.False(await App.QueryAsync(db => db.ImportJobs.AnyAsync(j => j.FileName == "gia-mao.xlsx")));
    }

    [Fact]
    public async Task Export_FilteredList_IsAnXlsxThatReimportsUnchanged()
    {
        var bytes = await Client.GetByteArrayAsync("/People?handler=Export&q=nguyen");
        using var ms = new MemoryStream(bytes);
        var rows = ms.Query(useHeaderRow: true, sheetName: W.PeopleSheet).Cast<IDictionary<string, object>>().ToList();
        var expected = await App.QueryAsync(async db =>
        {
            var officerUnits = await db.Units.Where(u => u.Code.StartsWith("BTCTW")).Select(u => u.Id).ToListAsync();
            return await db.People.CountAsync(p => p.SearchName.Contains("nguyen") && officerUnits.Contains(p.CurrentUnitId!.Value));
        });
        Assert.Equal(expected, rows.Count);
        Assert.All(rows, r => Assert.Contains("nguyen", ThiDua.Infrastructure.VietnameseText.Fold($"{r[W.Family]} {r[W.Middle]} {r[W.Given]}")));
        var job = await UploadAsync(bytes, fileName: "xuat.xlsx");
        Assert.Equal(ImportJobState.Succeeded, job.State);
        Assert.Equal((0, 0, expected), (job.CreatedPeople, job.UpdatedPeople, job.UnchangedPeople));
    }
}


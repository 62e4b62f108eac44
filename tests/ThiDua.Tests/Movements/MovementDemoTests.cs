using System.Text;
using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Movements;

namespace ThiDua.Tests.Movements;

/// <summary>The demo year 2019 of movements: directives with their PDFs, the bloc's movement, the contest, the national movements.</summary>
public sealed class MovementDemoTests() : AppTest("tdkt.hvctqg@thidua.vn")
{
    [Fact]
    public async Task Demo2019_Directives_ThreeWithPdfFiles()
    {
        var directives = await App.QueryAsync(db => db.Directives.OrderBy(d => d.IssuedOn).ToListAsync());
        Assert.Equal(["34-CT/TW", "05-CT/TW", "22-CT/TW"], directives.Select(d => d.Number));
        Assert.Equal(new DateOnly(2014, 4, 7), directives[0].IssuedOn);
        Assert.Equal(new DateOnly(2018, 1, 23), directives[2].IssuedOn);
        Assert.Equal(["Ban Bí thư", "Bộ Chính trị", "Ban Bí thư"], directives.Select(d => d.Issuer));
        Assert.All(directives, d => Assert.NotNull(d.FileStoredName));
    }

    [Fact]
    public async Task DirectiveFile_ReaderOfAnotherAgency_GetsAValidPdf()
    {
        var id = await App.QueryAsync(db => db.Directives.Where(d => d.Number == "34-CT/TW").Select(d => d.Id).SingleAsync());
        var response = await Client.GetAsync($"/Movements/Directives/File/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.ASCII.GetString(bytes);
        Assert.StartsWith("%PDF-1.4", text);
        Assert.EndsWith("%%EOF\n", text);
        // The cross-reference table points at the objects where they really are (a reader opens it without repair).
        var startxref = int.Parse(text[(text.LastIndexOf("startxref\n", StringComparison.Ordinal) + 10)..].Split('\n')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("xref", text[startxref..]);
        var firstOffset = int.Parse(text[startxref..].Split('\n')[3][..10], System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("1 0 obj", text[firstOffset..]);
        Assert.Contains("Chi thi so 34-CT/TW", text);
    }

    [Fact]
    public async Task Demo2019_BlocMovement_LaunchedEndedToAll14WithThreeDirectives()
    {
        var m = await App.QueryAsync(db => db.Movements.Include(x => x.Targets).Include(x => x.Directives)
            .SingleAsync(x => x.Year == 2019 && !x.IsNational && x.Kind == MovementKind.Regular));
        Assert.Equal(MovementsDemo.Theme2019, m.Theme);
        Assert.Equal(MovementState.Ended, m.State);
        Assert.Equal(14, m.Targets.Count);
        Assert.Equal(3, m.Directives.Count);
        Assert.Equal(new DateTime(2019, 2, 20, 2, 0, 0), m.LaunchedAtUtc);
        Assert.NotNull(m.BlocId);
        var actions = await App.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "Movement" && a.EntityId == m.Id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["Thêm phong trào thi đua", "Phát động phong trào", "Kết thúc phong trào"], actions);
        var copy = await App.QueryAsync(db => db.Movements.Include(x => x.Targets).SingleAsync(x => x.ClonedFromId == m.Id));
        Assert.Equal((2020, MovementState.Draft, 14, new DateOnly(2020, 12, 15)), (copy.Year, copy.State, copy.Targets.Count, copy.EndDate!.Value));
    }

    [Fact]
    public async Task Demo2019_Contest_TwoRoundsParticipantsFromSeveralAgenciesWithResults()
    {
        var c = await App.QueryAsync(db => db.Contests.Include(x => x.Rounds).Include(x => x.Participants).ThenInclude(p => p.Unit).SingleAsync(x => x.Name == MovementsDemo.Contest2019));
        Assert.Equal(2, c.Rounds.Count);
        Assert.True(c.Participants.Count >= 10);
        Assert.All(c.Participants, p => Assert.NotNull(p.PersonId));
        var agencies = await App.QueryAsync(async db =>
        {
            var result = new HashSet<int?>();
            foreach (var p in c.Participants) result.Add(await ThiDua.Infrastructure.UnitScopeService.AgencyOfAsync(db, p.UnitId));
            return result;
        });
        Assert.True(agencies.Count >= 5);
        var final = c.Rounds.Single(r => r.Order == 2).Id;
        var prizes = await App.QueryAsync(db => db.ContestResults.Where(r => r.RoundId == final).OrderBy(r => r.Rank).Select(r => r.Prize).ToListAsync());
        Assert.Equal("Giải Nhất", prizes[0]);
        // A reader of a target agency sees the results on the contest page.
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync($"/Movements/Contests/Details/{c.Id}"));
        Assert.Contains("Giải Nhất", html);
        Assert.Contains("Vòng chung kết", html);
    }

    [Fact]
    public async Task Demo2019_NationalMovements_RowsFor14AgenciesEach()
    {
        var national = await App.QueryAsync(db => db.Movements.Where(m => m.IsNational).Select(m => new { m.Id, m.Theme, m.NationalAuthority, Rows = db.NationalParticipations.Count(p => p.MovementId == m.Id && p.Year == 2019) }).ToListAsync());
        Assert.Equal(MovementsDemo.NationalMovements.Order(StringComparer.Ordinal), national.Select(n => n.Theme).Order(StringComparer.Ordinal));
        Assert.All(national, n => Assert.Equal(("Thủ tướng Chính phủ", 14), (n.NationalAuthority, n.Rows)));
    }
}

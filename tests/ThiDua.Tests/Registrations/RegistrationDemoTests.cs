using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Registrations;

namespace ThiDua.Tests.Registrations;

/// <summary>The demo year 2019 of registrations, produced through the service: 14 agencies, their states and audit trail.</summary>
public sealed class RegistrationDemoTests() : AppTest
{
    [Fact]
    public async Task Demo2019_EachOfTheFourteenAgencies_RegisteredAndSubmittedInJanuary()
    {
        var regs = await App.QueryAsync(db => db.Registrations.AsNoTracking().Where(r => r.Year == 2019)
            .Select(r => new { r.Unit!.Code, r.State, r.SubmittedUtc, r.CreatedUtc, Lines = r.Lines.Select(l => new { l.Subject, l.Code }).ToList() }).ToListAsync());
        Assert.Equal(14, regs.Count);
        Assert.Equal(13, regs.Count(r => r.State == RegistrationState.Approved));
        Assert.Equal(RegistrationsDemo.LeftSubmittedAgency, Assert.Single(regs, r => r.State == RegistrationState.Submitted).Code);
        foreach (var r in regs)
        {
            Assert.Equal((2019, 1), (r.CreatedUtc.AddHours(7).Year, r.CreatedUtc.AddHours(7).Month));
            var agency = Assert.Single(r.Lines, l => l.Subject == RegistrationSubject.Agency);
            Assert.Equal(new[] { "BTCTW", "HVCTQG", "DUKCQTW" }.Contains(r.Code) ? "CO_CP" : "TTLDXS", agency.Code);
            Assert.InRange(r.Lines.Count(l => l.Subject == RegistrationSubject.SubUnit), 2, 3);
            Assert.InRange(r.Lines.Count(l => l.Subject == RegistrationSubject.Person), 5, 22);
            Assert.All(r.Lines.Where(l => l.Subject == RegistrationSubject.Person), l => Assert.Contains(l.Code, new[] { "CSTDCS", "LDTT", "BK_BO" }));
        }
        // The first submission of each is in January 2019 (the returned one was submitted again in February).
        var firstSubmissions = await App.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "Nộp bản đăng ký thi đua" && a.EntityCode!.EndsWith("-2019")).Select(a => a.AtUtc).ToListAsync());
        Assert.Equal(14, firstSubmissions.Count);
        Assert.All(firstSubmissions, at => Assert.Equal((2019, 1), (at.AddHours(7).Year, at.AddHours(7).Month)));
    }

    [Fact]
    public async Task Demo2019_ReturnedAgency_WasReturnedWithReasonResubmittedAndApproved()
    {
        var trail = await App.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "Registration" && a.EntityCode == "BKTTW-2019")
            .OrderBy(a => a.AtUtc).ThenBy(a => a.Id).Select(a => new { a.Action, a.Details, a.UserName }).ToListAsync());
        var actions = trail.Select(a => a.Action).Where(a => !a.StartsWith("Thêm dòng", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Tạo bản đăng ký thi đua", "Nộp bản đăng ký thi đua", "Trả lại bản đăng ký thi đua", "Nộp lại bản đăng ký thi đua", "Duyệt bản đăng ký thi đua"], actions);
        var ret = trail.Single(a => a.Action == "Trả lại bản đăng ký thi đua");
        Assert.Equal($"trước: Đã nộp → sau: Trả lại để sửa; lý do: {RegistrationsDemo.ReturnReason}", ret.Details);
        Assert.Equal("thuongtruc.khoi@thidua.vn", ret.UserName);
        Assert.Equal(RegistrationsDemo.ReturnReason, await App.QueryAsync(db => db.Registrations.Where(r => r.Unit!.Code == "BKTTW" && r.Year == 2019).Select(r => r.ReturnReason).SingleAsync()));
    }

    [Fact]
    public async Task Demo2026_Btctw_HasADraftForTheDemoOfficer()
    {
        var draft = await App.QueryAsync(db => db.Registrations.Where(r => r.Unit!.Code == "BTCTW" && r.Year == 2026).Select(r => new { r.State, Lines = r.Lines.Count }).SingleAsync());
        Assert.Equal(RegistrationState.Draft, draft.State);
        Assert.True(draft.Lines >= 3);
    }

    [Fact]
    public async Task IsRegistered_ApprovedSubmittedOrDraft_CountsOnlySubmittedAndApproved()
    {
        var (flagUnit, person, personCode, leftPerson, draftPerson) = await App.QueryAsync(async db =>
        {
            var bt = await db.Units.Where(u => u.Code == "BTCTW").Select(u => u.Id).SingleAsync();
            var p = await db.RegistrationLines.Where(l => l.Registration!.Year == 2019 && l.Registration.UnitId == bt && l.PersonId != null).Select(l => new { l.PersonId, l.Code }).FirstAsync();
            var left = await db.RegistrationLines.Where(l => l.Registration!.Year == 2019 && l.Registration.Unit!.Code == RegistrationsDemo.LeftSubmittedAgency && l.PersonId != null).Select(l => new { l.PersonId, l.Code }).FirstAsync();
            var draft = await db.RegistrationLines.Where(l => l.Registration!.Year == 2026 && l.PersonId != null).Select(l => new { l.PersonId, l.Code }).FirstAsync();
            return (bt, (p.PersonId!.Value, p.Code), p.Code, (left.PersonId!.Value, left.Code), (draft.PersonId!.Value, draft.Code));
        });
        Assert.True(await App.QueryAsync(db => RegistrationQueries.IsRegisteredAsync(db, 2019, flagUnit, null, "CO_CP")));
        Assert.False(await App.QueryAsync(db => RegistrationQueries.IsRegisteredAsync(db, 2019, flagUnit, null, "CO_BO")));
        Assert.False(await App.QueryAsync(db => RegistrationQueries.IsRegisteredAsync(db, 2020, flagUnit, null, "CO_CP")));
        Assert.True(await App.QueryAsync(db => RegistrationQueries.IsRegisteredAsync(db, 2019, null, person.Item1, personCode)));
        Assert.True(await App.QueryAsync(db => RegistrationQueries.IsRegisteredAsync(db, 2019, null, leftPerson.Item1, leftPerson.Item2)));
        Assert.False(await App.QueryAsync(db => RegistrationQueries.IsRegisteredAsync(db, 2026, null, draftPerson.Item1, draftPerson.Item2)));
        Assert.False(await App.QueryAsync(db => RegistrationQueries.IsRegisteredAsync(db, 2019, null, null, "CO_CP")));
    }
}

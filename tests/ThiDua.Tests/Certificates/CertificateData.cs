using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Awards;
using ThiDua.Features.Certificates;
using ThiDua.Features.Decisions;
using ThiDua.Infrastructure;

namespace ThiDua.Tests.Certificates;

/// <summary>
/// Issued decisions with recipients, award records and verification codes, written straight to the database (the
/// decision pages that issue them belong to the Decisions feature).
/// </summary>
internal sealed record CertificateData(
    int DecisionId, string OwnCode, string HvCode, string RevokedCode, string DraftCode, string NationalId, int ManyDecisionId)
{
    public const string OwnName = "Nguyễn Thị Hồng Nhung";
    public const string HvName = "Trần Văn Đức";
    public const string RevokedName = "Lê Thị Ánh";
    public const int ManyCount = 48;

    public static async Task<CertificateData> SeedAsync(TestApp app) => await app.QueryAsync(async db =>
    {
        var bt = await db.Units.SingleAsync(u => u.Code == "BTCTW");
        var hv = await db.Units.SingleAsync(u => u.Code == "HVCTQG");
        var hvUnits = await UnitScopeService.SubtreeAsync(db, hv.Id);
        var btUnits = await UnitScopeService.SubtreeAsync(db, bt.Id);
        var ownId = await db.Users.Where(u => u.Email == "canbo.btctw@thidua.vn").Select(u => u.PersonId!.Value).SingleAsync();
        var own = await db.People.SingleAsync(p => p.Id == ownId);
        // Not the HVCTQG staff account's own person: that account must not read this certificate.
        var hvStaff = await db.Users.Where(u => u.Email == "canbo.hvctqg@thidua.vn").Select(u => u.PersonId).SingleAsync();
        var hvPerson = await db.People.Where(p => hvUnits.Contains(p.CurrentUnitId!.Value) && p.Id != hvStaff).OrderBy(p => p.Id).FirstAsync();
        var btOther = await db.People.Where(p => btUnits.Contains(p.CurrentUnitId!.Value) && p.Id != ownId).OrderBy(p => p.Id).FirstAsync();
        own.NationalId = "001190012345";
        var signed = new DateOnly(2020, 3, 4);

        AwardRecord Award(int personId, DateOnly? revoked = null) => new()
        {
            PersonId = personId, Year = 2020, Code = "BK_BO", Authority = "Trưởng Ban Tổ chức Trung ương", DecisionNumber = "12-QĐ/BTCTW",
            DecisionDate = signed, Status = AwardStatus.Conferred, PeriodTo = 2019,
            RevokedOn = revoked, RevocationReason = revoked is null ? null : "Khai man thành tích trong hồ sơ đề nghị",
            RevocationGround = revoked is null ? null : "Điều 94 Luật Thi đua, khen thưởng 2022; Quyết định số 30-QĐ/BTCTW ngày 10/08/2021",
            RevokedBy = revoked is null ? null : "admin@thidua.vn",
        };
        var a1 = Award(own.Id);
        var a2 = Award(hvPerson.Id);
        var a3 = Award(btOther.Id, new DateOnly(2021, 8, 10));
        db.AddRange(a1, a2, a3);

        Decision NewDecision(DecisionState state, int number) => new()
        {
            IssuerAgencyId = bt.Id, Year = 2020, Number = state == DecisionState.Issued ? number : null,
            NumberText = state == DecisionState.Issued ? $"{number}-QĐ/BTCTW" : null, SignedOn = state == DecisionState.Issued ? signed : null,
            SignerName = "Phạm Minh Chính", SignerTitle = "Trưởng ban", Code = "BK_BO", Basis = Features.Eligibility.AwardBasis.Merit,
            Subject = "Về việc tặng Bằng khen", System = DocumentSystem.Party, State = state, CreatedUtc = DateTime.UtcNow, CreatedBy = "test",
        };
        DecisionRecipient Recipient(int order, string name, int personId, AwardRecord? award, int? number) => new()
        {
            Order = order, PersonId = personId, DisplayName = name, DisplayPosition = "Chuyên viên, Ban Tổ chức Trung ương",
            Achievement = "Đã có thành tích xuất sắc trong công tác năm 2019", Award = award, CertificateNumber = number,
            VerificationCode = DecisionRules.NewVerificationCode(),
        };

        var d = NewDecision(DecisionState.Issued, 12);
        d.Recipients.Add(Recipient(1, OwnName, own.Id, a1, 12));
        d.Recipients.Add(Recipient(2, HvName, hvPerson.Id, a2, 13));
        d.Recipients.Add(Recipient(3, RevokedName, btOther.Id, a3, 14));
        var draft = NewDecision(DecisionState.Draft, 0);
        draft.Recipients.Add(Recipient(1, "Dự thảo Người Nhận", btOther.Id, null, null));
        var many = NewDecision(DecisionState.Issued, 13);
        var btPeople = await db.People.Where(p => btUnits.Contains(p.CurrentUnitId!.Value)).OrderBy(p => p.Id).Take(ManyCount).ToListAsync();
        for (var i = 0; i < ManyCount; i++) many.Recipients.Add(Recipient(i + 1, btPeople[i].FullName, btPeople[i].Id, null, 100 + i));
        db.AddRange(d, draft, many);
        await db.SaveChangesAsync();
        return new CertificateData(d.Id, d.Recipients[0].VerificationCode!, d.Recipients[1].VerificationCode!, d.Recipients[2].VerificationCode!,
            draft.Recipients[0].VerificationCode!, own.NationalId, many.Id);
    });
}

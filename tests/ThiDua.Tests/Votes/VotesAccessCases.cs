namespace ThiDua.Tests.Votes;

/// <summary>Rows of the access table (<see cref="Accounts.AccessTests"/>) for this feature's pages: who, url, expected ("ok", "denied", "login").</summary>
/// <remarks>Pages keyed by a session id are checked in <see cref="VotePageTests"/>.</remarks>
public static class VotesAccessCases
{
    public static readonly (string Who, string Url, string Expected)[] Cases =
    [
        ("anonymous", "/Votes", "login"),
        ("anonymous", "/Votes/Edit", "login"),
        // The ballot page: the token is the credential (docs/decisions/0014-secret-ballot.md).
        ("anonymous", "/Votes/Cast", "ok"),
        ("canbo.btctw@thidua.vn", "/Votes", "denied"),
        ("canbo.btctw@thidua.vn", "/Votes/Cast", "ok"),
        ("thuongtruc.khoi@thidua.vn", "/Votes", "ok"),
        ("thuongtruc.khoi@thidua.vn", "/Votes/Edit", "ok"),
        ("admin@thidua.vn", "/Votes/Edit", "ok"),
        ("tdkt.btctw@thidua.vn", "/Votes", "ok"),
        ("tdkt.btctw@thidua.vn", "/Votes/Edit", "denied"),
        ("hoidong.btctw@thidua.vn", "/Votes/Edit", "denied"),
        ("thanhvien.btctw@thidua.vn", "/Votes", "ok"),
        ("lanhdao.btctw@thidua.vn", "/Votes", "ok"),
        ("tdkt.hvctqg@thidua.vn", "/Votes", "ok"),
    ];
}

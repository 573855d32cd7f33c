namespace SharingHub.Hub.Accounts;

/// <summary>
/// A person who signs in through the login page (privacy officer, moreel-beraad facilitator, analyst).
/// <see cref="PasswordHash"/> is a PasswordHasher (PBKDF2) hash, never the password.
/// </summary>
public sealed class Person
{
    public const int UserNameMaxLength = 128;
    public const int PasswordHashMaxLength = 512;
    public const int DisplayNameMaxLength = 200;

    public Guid Id { get; set; }

    public required string UserName { get; set; }

    public required string DisplayName { get; set; }

    public required string PasswordHash { get; set; }

    public required string PartnerId { get; set; }

    public Partner? Partner { get; set; }

    public bool Enabled { get; set; } = true;

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<PersonRole> Roles { get; } = [];

    /// <summary>Renews the concurrency stamp; call before saving a modification.</summary>
    public void Touch() => ConcurrencyStamp = Guid.NewGuid();

    /// <summary>The user name is a login identifier: never printed.</summary>
    public override string ToString() => $"Person {Id:N}";
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharingHub.Hub.Accounts;

namespace SharingHub.Hub.Storage.Configurations;

internal sealed class PersonRoleConfiguration : IEntityTypeConfiguration<PersonRole>
{
    public void Configure(EntityTypeBuilder<PersonRole> builder)
    {
        builder.ToTable("person_roles");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.ConvenantId).HasMaxLength(ConvenantRole.PartMaxLength).IsUnicode(false);
        builder.Property(r => r.Role).HasMaxLength(ConvenantRole.PartMaxLength).IsUnicode(false);
        builder.HasIndex(r => new { r.PersonId, r.ConvenantId, r.Role }).IsUnique();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharingHub.Hub.Accounts;

namespace SharingHub.Hub.Storage.Configurations;

internal sealed class PartnerRoleConfiguration : IEntityTypeConfiguration<PartnerRole>
{
    public void Configure(EntityTypeBuilder<PartnerRole> builder)
    {
        builder.ToTable("partner_roles");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.PartnerId).HasMaxLength(Partner.IdMaxLength).IsUnicode(false);
        builder.Property(r => r.ConvenantId).HasMaxLength(ConvenantRole.PartMaxLength).IsUnicode(false);
        builder.Property(r => r.Role).HasMaxLength(ConvenantRole.PartMaxLength).IsUnicode(false);
        builder.HasIndex(r => new { r.PartnerId, r.ConvenantId, r.Role }).IsUnique();
        builder.HasIndex(r => new { r.ConvenantId, r.Role });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharingHub.Hub.Accounts;

namespace SharingHub.Hub.Storage.Configurations;

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> builder)
    {
        builder.ToTable("partners");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(Partner.IdMaxLength).IsUnicode(false);
        builder.Property(p => p.Name).HasMaxLength(Partner.NameMaxLength).IsRequired();
        builder.Property(p => p.PartyType).HasMaxLength(Partner.PartyTypeMaxLength).IsUnicode(false).IsRequired();
        builder.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(p => p.PartyType);
        builder.HasMany(p => p.Roles).WithOne().HasForeignKey(r => r.PartnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

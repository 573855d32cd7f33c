using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharingHub.Hub.Accounts;

namespace SharingHub.Hub.Storage.Configurations;

internal sealed class PartnerClientConfiguration : IEntityTypeConfiguration<PartnerClient>
{
    public void Configure(EntityTypeBuilder<PartnerClient> builder)
    {
        builder.ToTable("partner_clients");
        builder.HasKey(c => c.ClientId);
        builder.Property(c => c.ClientId).HasMaxLength(PartnerClient.ClientIdMaxLength).IsUnicode(false);
        builder.Property(c => c.PartnerId).HasMaxLength(Partner.IdMaxLength).IsUnicode(false);
        builder.Property(c => c.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(c => c.PartnerId);
        builder.HasOne(c => c.Partner).WithMany().HasForeignKey(c => c.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

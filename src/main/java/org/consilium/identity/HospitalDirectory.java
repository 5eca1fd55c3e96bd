package org.consilium.identity;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.consilium.platform.UuidV7;

/** The alliance's hospitals as stored locally. Aliases are looked up on every request, so they are cached. */
@ApplicationScoped
public class HospitalDirectory {

    private final Map<String, HospitalView> byAlias = new ConcurrentHashMap<>();

    public List<HospitalView> all() {
        return Hospital.<Hospital>findAll(Sort.ascending("level", "alias")).list().stream()
                .map(HospitalView::of).toList();
    }

    public Optional<HospitalView> byId(UUID id) {
        return Hospital.<Hospital>findByIdOptional(id).map(HospitalView::of);
    }

    public Optional<HospitalView> byAlias(String alias) {
        HospitalView cached = byAlias.get(alias);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<HospitalView> found = Hospital.byAlias(alias).map(HospitalView::of);
        found.ifPresent(h -> byAlias.put(alias, h));
        return found;
    }

    /** The Keycloak organization id of a hospital, if it has been linked. */
    public Optional<String> organizationId(UUID hospitalId) {
        return Hospital.<Hospital>findByIdOptional(hospitalId).map(h -> h.keycloakOrgId);
    }

    @Transactional
    public void linkOrganization(UUID hospitalId, String organizationId) {
        Hospital.<Hospital>findByIdOptional(hospitalId).ifPresent(h -> h.keycloakOrgId = organizationId);
    }

    /** Adds the local row for an onboarded hospital; returns false when the alias was already there. */
    @Transactional
    public boolean register(String alias, String name, String nameEn, HospitalLevel level, String organizationId) {
        Optional<Hospital> existing = Hospital.byAlias(alias);
        if (existing.isPresent()) {
            Hospital h = existing.get();
            if (h.keycloakOrgId == null) {
                h.keycloakOrgId = organizationId;
            }
            return false;
        }
        Hospital h = new Hospital();
        h.id = UuidV7.next();
        h.alias = alias;
        h.name = name;
        h.nameEn = nameEn;
        h.level = level;
        h.keycloakOrgId = organizationId;
        h.createdAt = Instant.now();
        h.persist();
        byAlias.remove(alias);
        return true;
    }
}

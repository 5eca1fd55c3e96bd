package org.consilium.registry.teaching;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A course of teaching cases", example = """
        {"title": "肺癌靶区勾画 2026 / lung target delineation 2026", "description": "GTV/CTV/PTV on planning CT",
         "caseIds": ["019a3c1e-7d2f-7b40-9a51-3f1e2d4c5b6a"]}""")
public record CourseRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 2000) String description,
        @Size(max = 100) List<@NotNull UUID> caseIds) {
}

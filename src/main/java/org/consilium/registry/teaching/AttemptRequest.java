package org.consilium.registry.teaching;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A trainee's contours of a case's targets: per ROI (by the case's target names) its planes, each with closed
 * polygons in patient coordinates (mm) as x, y, z triples, as RTSTRUCT Contour Data.
 */
@Schema(description = "The trainee's contours", example = """
        {"rois": [{"name": "PTV", "planes": [{"z": -12.5, "sopInstanceUid": "2.25.1234",
          "polygons": [[10, 20, -12.5, 30, 20, -12.5, 30, 40, -12.5, 10, 40, -12.5]]}]}]}""")
public record AttemptRequest(@NotEmpty @Size(max = 20) List<@NotNull @Valid DrawnRoi> rois) {

    public record DrawnRoi(@NotBlank @Size(max = 64) String name,
                           @NotNull @Size(max = 600) List<@NotNull @Valid DrawnPlane> planes) {
    }

    public record DrawnPlane(double z, @Size(max = 64) String sopInstanceUid,
                             @NotEmpty @Size(max = 20) List<@NotNull double[]> polygons) {
    }
}
